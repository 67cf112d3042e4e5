// Runs one encode of a GIF: the quality setting in one pass, a bitrate
// ceiling in two (the first pass only writes its statistics).
import { readdir } from "node:fs/promises";
import path from "node:path";
import { outputArgs, type VideoCodec } from "./encode-args";
import { runFfmpeg, type FfmpegResult } from "./ffmpeg";
import { ffmpegEncoders } from "./ffmpeg-facts";
import { removeQuietly } from "./store";
import type { EncodeSettings } from "./video-budget";

/** Per GIF, unless INSTALLMENT_FFMPEG_TIMEOUT_MS says otherwise. */
export const DEFAULT_FFMPEG_TIMEOUT_MS = 10 * 60_000;

export interface EncodeOptions {
  timeoutMs?: number;
  /** An ffmpeg binary instead of the bundled one (INSTALLMENT_FFMPEG). */
  ffmpeg?: string;
  /** Encoder threads per job; the pool already runs one job per core. */
  threads: number;
  /** Prefix for two-pass statistics files (a unique temp path); removed afterwards. */
  passLog: string;
}

/** VP9 for the WebM, or VP8 when this ffmpeg build has no VP9. */
export async function webmCodec(ffmpeg?: string, cacheDir?: string): Promise<VideoCodec> {
  const enc = await ffmpegEncoders(ffmpeg, cacheDir);
  return enc.has("libvpx-vp9") || enc.size === 0 ? "vp9" : "vp8";
}

export async function encodeOnce(
  input: string,
  out: string,
  codec: VideoCodec,
  settings: EncodeSettings,
  opts: EncodeOptions,
): Promise<FfmpegResult> {
  const run = { timeoutMs: opts.timeoutMs ?? DEFAULT_FFMPEG_TIMEOUT_MS, ffmpeg: opts.ffmpeg };
  const head = ["-loglevel", "error", "-y", "-i", input];
  if (settings.mode === "quality") return runFfmpeg([...head, ...outputArgs(codec, settings, opts), out], run);
  try {
    const first = await runFfmpeg(
      [...head, ...outputArgs(codec, settings, { ...opts, pass: { n: 1, log: opts.passLog } }), "-f", "null", "-"],
      run,
    );
    if (first.code !== 0) return first;
    return await runFfmpeg([...head, ...outputArgs(codec, settings, { ...opts, pass: { n: 2, log: opts.passLog } }), out], run);
  } finally {
    await removePassLogs(opts.passLog);
  }
}

/** x264 and libvpx append `-0.log`, `.mbtree` and `.temp` to the prefix. */
async function removePassLogs(prefix: string): Promise<void> {
  const dir = path.dirname(prefix);
  const base = path.basename(prefix);
  const names = await readdir(dir).catch(() => [] as string[]);
  await Promise.all(names.filter((n) => n.startsWith(base)).map((n) => removeQuietly(path.join(dir, n))));
}

/** The last meaningful stderr line, for warnings. */
export function ffmpegErrorLine(r: FfmpegResult): string {
  if (r.timedOut) return "ffmpeg timed out";
  const lines = r.stderr
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean);
  return lines.at(-1) ?? `ffmpeg exited with ${r.code ?? r.signal}`;
}
