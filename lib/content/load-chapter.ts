import { readFileSync } from "node:fs";
import type { ChapterResult, ChapterSource, Story } from "./types";
import type { CompileCache } from "./compile-cache";
import { compileChapter } from "./compile-chapter";
import { hashChapterInputs } from "./chapter-hash";

export interface LoadChapterStats {
  compiled: number;
  cached: number;
}

/** A chapter from the cache when its inputs are unchanged, else freshly compiled. */
export async function loadChapter(
  source: ChapterSource,
  story: Story,
  root: string,
  cache: CompileCache | null,
  stats?: LoadChapterStats,
): Promise<ChapterResult> {
  let text: string;
  try {
    text = readFileSync(source.file, "utf8");
  } catch (error) {
    return {
      ok: false,
      source,
      diagnostics: [{ file: source.file, line: 1, column: 1, severity: "error", message: `cannot read: ${(error as Error).message}` }],
    };
  }
  const hash = hashChapterInputs(text, story);
  const hit = cache?.get(hash, source, root);
  if (hit) {
    if (stats) stats.cached++;
    return { ok: true, chapter: hit, warnings: [] };
  }
  const result = await compileChapter({ source, story, root, text });
  if (stats) stats.compiled++;
  if (result.ok) cache?.set(result.chapter, root);
  return result;
}
