// Media bench: for each chapter, raw GIF bytes vs the bytes a reader downloads
// (MP4 + poster), the ratio and the transcode time, against the issue's goal
// of at most 20% of the raw GIF bytes per chapter.
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { findChapters } from "../../lib/content/find-chapters";
import type { ChapterSource, MediaRef } from "../../lib/content/types";
import { processMedia } from "../../lib/media/process";
import { formatBytes } from "../../lib/media/summary";
import { ensureSampleStoryMedia } from "../lib/site-process";

export const GOAL_RATIO = 0.2;

export interface BenchMediaOptions {
  /** Content root; default `chapters`. */
  chapters?: string;
  /** Store to transcode into; default a fresh temp folder, so times are real transcodes (removed afterwards). */
  storeDir?: string;
  log?: (line: string) => void;
}

export interface ChapterFigures {
  chapter: string;
  gifs: number;
  rawBytes: number;
  servedBytes: number;
  webmBytes: number;
  fallbacks: number;
  ms: number;
}

export interface BenchMediaResult {
  chapters: ChapterFigures[];
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
  const root = path.resolve(opts.chapters ?? "chapters");
  const empty = (chapter: string): ChapterFigures => ({ chapter, gifs: 0, rawBytes: 0, servedBytes: 0, webmBytes: 0, fallbacks: 0, ms: 0 });
  const total = empty("total");
  if (!existsSync(root)) {
    log(`media bench: content root ${root} does not exist`);
    return { chapters: [], total, pass: null };
  }
  await ensureSampleStoryMedia(root, log);
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
        const { manifest, warnings, summary } = await processMedia(refs, { storeDir, progressBar: undefined });
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
          if (asset.kind === "video") row.webmBytes += fileBytes(path.join(storeDir, "files", asset.webm));
        }
      }
      rows.push(row);
      for (const k of ["gifs", "rawBytes", "servedBytes", "webmBytes", "fallbacks", "ms"] as const) total[k] += row[k];
    }
  } finally {
    if (tempStore) rmSync(tempStore, { recursive: true, force: true });
  }

  const measured = rows.filter((r) => r.rawBytes > 0);
  if (chapters.length === 0) log(`media bench: no chapters under ${root} yet`);
  else if (measured.length === 0) log(`media bench: the story under ${root} has no GIFs yet`);
  if (measured.length === 0) return { chapters: rows, total, pass: null };

  log(table([...rows, total]));
  if (heavy.length) log(`GIFs over ${GOAL_RATIO * 100}% on their own:\n${heavy.map((h) => `  ${h}`).join("\n")}`);
  const worst = measured.reduce((a, b) => (b.servedBytes / b.rawBytes > a.servedBytes / a.rawBytes ? b : a));
  const worstRatio = worst.servedBytes / worst.rawBytes;
  const pass = worstRatio <= GOAL_RATIO;
  log(
    `goal: ≤ ${GOAL_RATIO * 100}% of raw GIF bytes per chapter — ${pass ? "PASS" : "FAIL"}` +
      ` (total ${pct(total.servedBytes, total.rawBytes)}, worst ${worst.chapter} ${pct(worst.servedBytes, worst.rawBytes)})`,
  );
  return { chapters: rows, total, pass };
}

function fileBytes(file: string): number {
  try {
    return readFileSync(file).length;
  } catch {
    return 0;
  }
}

function pct(a: number, b: number): string {
  return b ? `${((a / b) * 100).toFixed(1)}%` : "–";
}

function table(rows: ChapterFigures[]): string {
  const head = ["chapter", "gifs", "raw GIF", "served (mp4+poster)", "ratio", "webm", "transcode"];
  const body = rows.map((r) => [
    r.chapter,
    String(r.gifs) + (r.fallbacks ? ` (${r.fallbacks} fallback)` : ""),
    formatBytes(r.rawBytes),
    formatBytes(r.servedBytes),
    pct(r.servedBytes, r.rawBytes),
    formatBytes(r.webmBytes),
    `${(r.ms / 1000).toFixed(1)}s`,
  ]);
  const all = [head, ...body];
  const widths = head.map((_, i) => Math.max(...all.map((row) => (row[i] as string).length)));
  const line = (row: string[]) => row.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join("  ");
  const rule = widths.map((w) => "─".repeat(w)).join("  ");
  const lines = [line(head), rule, ...body.slice(0, -1).map(line), rule, line(body.at(-1)!)];
  return lines.join("\n");
}
