import { findChapters } from "../../lib/content/find-chapters";
import { loadStory } from "../../lib/content/load-story";
import { compileChapter } from "../../lib/content/compile-chapter";
import type { ChapterResult } from "../../lib/content/types";

/** Compiles chapter `number` of a content root. */
export async function compileIn(root: string, number = 1): Promise<ChapterResult> {
  const { story, diagnostics } = loadStory(root);
  if (!story) throw new Error(`story.yaml invalid: ${JSON.stringify(diagnostics)}`);
  const source = findChapters(root).chapters.find((c) => c.number === number);
  if (!source) throw new Error(`no chapter ${number}`);
  return compileChapter({ source, story, root });
}

export function problems(result: ChapterResult): string[] {
  if (result.ok) return [];
  return result.diagnostics.map((d) => `${d.line}:${d.column} ${d.message}`);
}
