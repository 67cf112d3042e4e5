import { existsSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { findChapters } from "../../../lib/content/find-chapters";
import type { ChapterSource } from "../../../lib/content/types";
import { gifPathsOf } from "./naive-chapter";

export interface ChapterWeight {
  source: ChapterSource;
  gifs: { src: string; abs: string; bytes: number }[];
  gifBytes: number;
}

/** GIFs of each chapter with their sizes on disk. */
export function chapterWeights(root: string): ChapterWeight[] {
  return findChapters(root).chapters.map((source) => {
    const mdx = readFileSync(source.file, "utf8");
    const gifs = gifPathsOf(mdx).map((src) => {
      const abs = src.startsWith("/") ? path.join(root, src) : path.resolve(source.dir, src);
      return { src, abs, bytes: existsSync(abs) ? statSync(abs).size : 0 };
    });
    return { source, gifs, gifBytes: gifs.reduce((s, g) => s + g.bytes, 0) };
  });
}

/** The chapter with the most GIF bytes (the sample story's "most media-heavy chapter"). */
export function heaviestChapter(root: string): ChapterWeight {
  const all = chapterWeights(root);
  if (!all.length) throw new Error(`no chapters under ${root}`);
  return all.reduce((a, b) => (b.gifBytes > a.gifBytes ? b : a));
}
