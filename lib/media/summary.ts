export interface MediaSummary {
  files: number;
  /** Processed this run (including ones that fell back to the original GIF). */
  transcoded: number;
  /** Taken from the cache index without running ffmpeg or sharp. */
  cached: number;
  /** Sources that could not be transcoded and are served as they are. */
  fallbacks: number;
  bytesBefore: number;
  bytesAfter: number;
  ms: number;
}

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / (1024 * 1024)).toFixed(2)} MB`;
}

/** `media: 12 files (9 transcoded, 3 cached) · 48.20 MB → 4.10 MB (8.5%) · 31.2s` */
export function formatSummary(s: MediaSummary): string {
  const ratio = s.bytesBefore ? ` (${((s.bytesAfter / s.bytesBefore) * 100).toFixed(1)}%)` : "";
  const fb = s.fallbacks ? `, ${s.fallbacks} served as original GIF` : "";
  return (
    `media: ${s.files} file${s.files === 1 ? "" : "s"} (${s.transcoded} transcoded, ${s.cached} cached${fb})` +
    ` · ${formatBytes(s.bytesBefore)} → ${formatBytes(s.bytesAfter)}${ratio} · ${(s.ms / 1000).toFixed(1)}s`
  );
}
