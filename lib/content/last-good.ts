import type { ChapterResult } from "./types";

/**
 * On a live site an edit that breaks a chapter must not take it away from
 * readers: a chapter that fails now is replaced by its last good version
 * (same number and slug; each last good version stands in once, so two files
 * sharing a number cannot both bring it back). Returns the chapters to serve
 * and the failures that were replaced, whose problems still need reporting.
 */
export function keepGoodChapters(
  previous: ChapterResult[],
  next: ChapterResult[],
): { chapters: ChapterResult[]; replaced: Extract<ChapterResult, { ok: false }>[] } {
  const good = new Map<number, Extract<ChapterResult, { ok: true }>>();
  for (const c of previous) if (c.ok) good.set(c.chapter.source.number, c);
  const replaced: Extract<ChapterResult, { ok: false }>[] = [];
  const chapters = next.map((c) => {
    if (c.ok) return c;
    const last = good.get(c.source.number);
    if (!last || last.chapter.source.slug !== c.source.slug) return c;
    good.delete(c.source.number);
    replaced.push(c);
    return last;
  });
  return { chapters, replaced };
}
