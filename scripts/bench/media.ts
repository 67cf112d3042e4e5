// Media bench: for each chapter, raw GIF bytes vs the bytes a reader downloads
// (the first <source> a browser plays, which is the lighter video, + poster),
// the ratio and the transcode time, against the issue's goal of at most 20% of
// the raw GIF bytes per chapter; then each clip with its SSIM against the GIF.
//
//   npm run bench -- media                      the sample story (or --chapters <dir>)
//   npm run bench -- media --story generated    noisy, dithered and photographic GIFs (scripts/bench/lib/gif-story.ts)
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { findChapters } from "../../lib/content/find-chapters";
import type { ChapterSource, MediaRef } from "../../lib/content/types";
import { processMedia } from "../../lib/media/process";
import { ssimAgainstGif } from "../../lib/media/ssim";
import { formatBytes } from "../../lib/media/summary";
import type { MediaAsset } from "../../lib/media/types";
import { ensureSampleStoryMedia } from "../lib/site-process";
import { ensureBenchGifStory } from "./lib/gif-story";

export const GOAL_RATIO = 0.2;

export interface BenchMediaOptions {
  /** Content root; default `chapters`. */
  chapters?: string;
  /** "generated": the untuned story of scripts/bench/lib/gif-story.ts instead of `chapters`. */
  story?: "sample" | "generated";
  /** Store to transcode into; default a fresh temp folder, so times are real transcodes (removed afterwards). */
  storeDir?: string;
  /** GIFs transcoded at once (`--jobs`); default one per core. */
  jobs?: number;
  log?: (line: string) => void;
}

export interface ChapterFigures {
  chapter: string;
  gifs: number;
  rawBytes: number;
  servedBytes: number;
  /** What a browser that plays only MP4 (Safari before 14.1, older iOS) downloads: MP4 + poster. */
  mp4ServedBytes: number;
  webmBytes: number;
  /** AV1 bytes of the GIFs whose AV1 was kept (it is then what "served" counts). */
  av1Bytes: number;
  /** GIFs with an AV1 kept / AV1 encodes in all. */
  av1Kept: number;
  av1Encodes: number;
  fallbacks: number;
  ms: number;
}

export interface ClipFigures {
  clip: string;
  gifBytes: number;
  servedBytes: number;
  /** Per source, in `<source>` order: codec, bytes, the ceiling (or AV1's raised CRF) if one was needed, encodes, SSIM (All) against the GIF. */
  sources: { codec: string; bytes: number; ceiling?: number; crf?: number; encodes?: number; ssim: number | null }[];
  /** The AV1 decision, when an ffmpeg with SVT-AV1 made one. */
  av1?: { kept: boolean; bytes: number | null; encodes: number; reason: string };
}

export interface BenchMediaResult {
  chapters: ChapterFigures[];
  clips: ClipFigures[];
  total: ChapterFigures;
  /** null when there is nothing to measure. */
  pass: boolean | null;
}

const GIF_ATTR = /\b(?:src|media)\s*=\s*(?:\{\s*)?["']([^"'\n]+?\.gif)["']/gi;

/**
 * GIFs a chapter uses, from `src="…gif"` / `media="…gif"` attributes in its
 * mdx text, resolved against the chapter's folder. Stand-in until the
 * compiler's media refs are wired in.
 */
export function gifRefsOf(chapter: ChapterSource, root: string): MediaRef[] {
  const text = readFileSync(chapter.file, "utf8");
  const absRoot = path.resolve(root);
  const refs = new Map<string, MediaRef>();
  for (const m of text.matchAll(GIF_ATTR)) {
    const src = m[1] as string;
    if (/^[a-z]+:/i.test(src) || src.startsWith("//")) continue; // remote URLs are not ours
    const abs = src.startsWith("/") ? path.join(absRoot, src) : path.resolve(chapter.dir, src);
    const rel = path.relative(absRoot, abs).split(path.sep).join("/");
    if (rel.startsWith("../") || path.isAbsolute(rel)) continue; // outside the content root
    refs.set(rel, { kind: "gif", path: rel, abs });
  }
  return [...refs.values()];
}

export async function benchMedia(opts: BenchMediaOptions = {}): Promise<BenchMediaResult> {
  const log = opts.log ?? ((s: string) => console.log(s));
  const generated = opts.story === "generated";
  const root = generated ? await ensureBenchGifStory(opts.chapters, (s) => log(`  ${s}`)) : path.resolve(opts.chapters ?? "chapters");
  const empty = (chapter: string): ChapterFigures => ({
    chapter,
    gifs: 0,
    rawBytes: 0,
    servedBytes: 0,
    mp4ServedBytes: 0,
    webmBytes: 0,
    av1Bytes: 0,
    av1Kept: 0,
    av1Encodes: 0,
    fallbacks: 0,
    ms: 0,
  });
  const total = empty("total");
  const clips: ClipFigures[] = [];
  if (!existsSync(root)) {
    log(`media bench: content root ${root} does not exist`);
    return { chapters: [], clips, total, pass: null };
  }
  if (!generated) await ensureSampleStoryMedia(root, log);
  const { chapters } = findChapters(root);
  const tempStore = opts.storeDir ? null : mkdtempSync(path.join(os.tmpdir(), "installment-bench-media-"));
  const storeDir = opts.storeDir ?? (tempStore as string);
  const rows: ChapterFigures[] = [];
  const heavy: string[] = [];
  try {
    for (const chapter of chapters) {
      const refs = gifRefsOf(chapter, root);
      const row = empty(`${String(chapter.number).padStart(2, "0")}-${chapter.slug}`);
      row.gifs = refs.length;
      if (refs.length) {
        const { manifest, warnings, summary } = await processMedia(refs, {
          storeDir,
          progressBar: undefined,
          ...(opts.jobs ? { concurrency: opts.jobs } : {}),
        });
        for (const w of warnings) log(`  ${w.severity}: ${path.relative(root, w.file)}: ${w.message}`);
        row.ms = summary.ms;
        row.fallbacks = summary.fallbacks;
        for (const asset of Object.values(manifest)) {
          if (asset.servedBytes > asset.sourceBytes * GOAL_RATIO) {
            heavy.push(
              `${asset.source} ${pct(asset.servedBytes, asset.sourceBytes)} (${formatBytes(asset.sourceBytes)} → ${formatBytes(asset.servedBytes)})`,
            );
          }
          row.rawBytes += asset.sourceBytes;
          row.servedBytes += asset.servedBytes;
          row.mp4ServedBytes +=
            asset.kind === "video" ? sourceBytesOf(asset, "h264") + (asset.servedBytes - firstBytes(asset)) : asset.servedBytes;
          row.webmBytes += asset.kind === "video" ? sourceBytesOf(asset, "vp9") + sourceBytesOf(asset, "vp8") : 0;
          if (asset.kind === "video" && asset.av1) {
            row.av1Bytes += sourceBytesOf(asset, "av1");
            row.av1Kept += asset.av1.kept ? 1 : 0;
            row.av1Encodes += asset.av1.encodes;
          }
          clips.push(await clipFigures(asset, root, storeDir));
        }
      }
      rows.push(row);
      for (const k of [
        "gifs",
        "rawBytes",
        "servedBytes",
        "mp4ServedBytes",
        "webmBytes",
        "av1Bytes",
        "av1Kept",
        "av1Encodes",
        "fallbacks",
        "ms",
      ] as const)
        total[k] += row[k];
    }
  } finally {
    if (tempStore) rmSync(tempStore, { recursive: true, force: true });
  }

  const measured = rows.filter((r) => r.rawBytes > 0);
  if (chapters.length === 0) log(`media bench: no chapters under ${root} yet`);
  else if (measured.length === 0) log(`media bench: the story under ${root} has no GIFs yet`);
  if (measured.length === 0) return { chapters: rows, clips, total, pass: null };

  log(table([...rows, total]));
  log(clipTable(clips));
  if (heavy.length) log(`GIFs over ${GOAL_RATIO * 100}% on their own:\n${heavy.map((h) => `  ${h}`).join("\n")}`);
  const worst = measured.reduce((a, b) => (b.servedBytes / b.rawBytes > a.servedBytes / a.rawBytes ? b : a));
  const worstRatio = worst.servedBytes / worst.rawBytes;
  const pass = worstRatio <= GOAL_RATIO;
  log(
    `goal: ≤ ${GOAL_RATIO * 100}% of raw GIF bytes per chapter — ${pass ? "PASS" : "FAIL"}` +
      ` (total ${pct(total.servedBytes, total.rawBytes)}, worst ${worst.chapter} ${pct(worst.servedBytes, worst.rawBytes)})`,
  );
  return { chapters: rows, clips, total, pass };
}

type Video = Extract<MediaAsset, { kind: "video" }>;

function sourceBytesOf(asset: Video, codec: string): number {
  return asset.sources.find((s) => s.codec === codec)?.bytes ?? 0;
}

function firstBytes(asset: Video): number {
  return asset.sources[0]?.bytes ?? 0;
}

async function clipFigures(asset: MediaAsset, root: string, storeDir: string): Promise<ClipFigures> {
  const clip = { clip: asset.source, gifBytes: asset.sourceBytes, servedBytes: asset.servedBytes };
  if (asset.kind !== "video") return { ...clip, sources: [] };
  const sources = [];
  for (const s of asset.sources) {
    const ssim = await ssimAgainstGif(path.join(root, asset.source), path.join(storeDir, "files", s.file));
    sources.push({
      codec: s.codec,
      bytes: s.bytes,
      ...(s.ceiling ? { ceiling: s.ceiling } : {}),
      ...(s.crf ? { crf: s.crf } : {}),
      ...(s.encodes ? { encodes: s.encodes } : {}),
      ssim: ssim?.all ?? null,
    });
  }
  return { ...clip, sources, ...(asset.av1 ? { av1: asset.av1 } : {}) };
}

function pct(a: number, b: number): string {
  return b ? `${((a / b) * 100).toFixed(1)}%` : "–";
}

function table(rows: ChapterFigures[]): string {
  const head = [
    "chapter",
    "gifs",
    "raw GIF",
    "served (first+poster)",
    "ratio",
    "mp4+poster",
    "ratio",
    "webm",
    "av1 (kept/gifs)",
    "transcode",
  ];
  const body = rows.map((r) => [
    r.chapter,
    String(r.gifs) + (r.fallbacks ? ` (${r.fallbacks} fallback)` : ""),
    formatBytes(r.rawBytes),
    formatBytes(r.servedBytes),
    pct(r.servedBytes, r.rawBytes),
    formatBytes(r.mp4ServedBytes),
    pct(r.mp4ServedBytes, r.rawBytes),
    formatBytes(r.webmBytes),
    r.av1Kept ? `${formatBytes(r.av1Bytes)} (${r.av1Kept}/${r.gifs})` : r.gifs ? `– (0/${r.gifs})` : "–",
    `${(r.ms / 1000).toFixed(1)}s`,
  ]);
  return align(head, body, true);
}

/** One line per GIF: its sources in `<source>` order, each with bytes, ratio, ceiling and SSIM. */
function clipTable(clips: ClipFigures[]): string {
  const head = ["clip", "GIF", "served", "ratio", "sources in order: codec bytes (ratio, ceiling or crf) SSIM [encodes]", "av1"];
  const body = clips.map((c) => [
    c.clip,
    formatBytes(c.gifBytes),
    formatBytes(c.servedBytes),
    pct(c.servedBytes, c.gifBytes),
    c.sources
      .map((s) => {
        const cap = s.ceiling ? `, ≤${Math.round(s.ceiling / 1000)} kb/s` : s.crf ? `, crf ${s.crf}` : "";
        return `${s.codec} ${formatBytes(s.bytes)} (${pct(s.bytes, c.gifBytes)}${cap}) ${s.ssim?.toFixed(3) ?? "–"} [${s.encodes ?? "?"}]`;
      })
      .join(" · "),
    c.av1 ? `${c.av1.kept ? "kept" : "dropped"} after ${c.av1.encodes} encode(s): ${c.av1.reason}` : "no AV1 encoder",
  ]);
  return align(head, body, false);
}

function align(head: string[], body: string[][], withTotal: boolean): string {
  const all = [head, ...body];
  const widths = head.map((_, i) => Math.max(...all.map((row) => (row[i] as string).length)));
  const line = (row: string[]) => row.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join("  ");
  const rule = widths.map((w) => "─".repeat(w)).join("  ");
  const lines = withTotal
    ? [line(head), rule, ...body.slice(0, -1).map(line), rule, line(body.at(-1)!)]
    : [line(head), rule, ...body.map(line)];
  return lines.join("\n");
}
