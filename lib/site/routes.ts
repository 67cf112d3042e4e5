// Every path the site serves besides chapter pages, in one place: the edge's
// router, the link checker, the chapter finder (reserved slugs), new-chapter,
// the warm list and the static export all read it, so adding a route here is
// the only edit that keeps them in step. tests/site/routes.test.ts checks it
// against app/.

/** Reader outputs that change with every release: re-rendered, warmed and exported per release state. */
export const STATE_OUTPUTS = ["/", "/feed.xml", "/rss.xml", "/feed.json", "/sitemap.xml", "/calendar.ics"] as const;

/** Reader outputs that are the same in every release state. */
export const FIXED_OUTPUTS = ["/robots.txt", "/icon.svg", "/sw.js"] as const;

/** Top-level paths the edge answers as pages or files (besides chapters). */
export const SITE_PATHS: ReadonlySet<string> = new Set<string>([...STATE_OUTPUTS, ...FIXED_OUTPUTS]);

/** First path segments the site keeps for itself: generated media, the dashboard, Next's assets, private links, an API. */
export const SITE_FOLDERS: readonly string[] = ["media", "editor", "_next", "_islands", "beta", "api"];

/** Names static hosts give error pages, and what browsers ask for unprompted. */
const HOST_FILES: readonly string[] = ["404", "500", "favicon.ico"];

/** The card image under each chapter: `/<slug>/cover.png`. */
export const CHAPTER_CARD = "cover.png";

/** The reader paths of one chapter. */
export function chapterPaths(slug: string): string[] {
  return [`/${slug}`, `/${slug}/${CHAPTER_CARD}`];
}

/** True when a chapter slug (or a link's first path segment) names something the site serves itself. */
export function isReservedName(name: string): boolean {
  return SITE_PATHS.has(`/${name}`) || SITE_FOLDERS.includes(name) || HOST_FILES.includes(name) || name.endsWith(".epub");
}
