import type { SiteView } from "./visibility";
import { STATE_OUTPUTS } from "./routes";

/**
 * The pages worth rendering before a release: the outputs every release
 * changes, each newly released chapter, and the chapter before each (its
 * "next" link appears). Other pages render on first request.
 */
export function warmPaths(before: SiteView | null, after: SiteView): string[] {
  const had = new Set(before?.chapters.map((c) => c.slug) ?? []);
  const paths = new Set<string>(STATE_OUTPUTS);
  after.chapters.forEach((c, i) => {
    if (had.has(c.slug)) return;
    paths.add(`/${c.slug}`);
    const prev = after.chapters[i - 1];
    if (prev) paths.add(`/${prev.slug}`);
  });
  return [...paths];
}
