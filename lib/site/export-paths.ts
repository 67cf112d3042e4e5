import type { SiteView } from "./visibility";
import { chapterPaths, FIXED_OUTPUTS, STATE_OUTPUTS } from "./routes";
import { offeredEpub } from "./epub-path";

/** Every reader-facing path of a release state, for a static export. */
export function exportPaths(view: SiteView): string[] {
  const book = offeredEpub(view);
  return [...STATE_OUTPUTS, ...FIXED_OUTPUTS, ...(book ? [book] : []), ...view.chapters.flatMap((c) => chapterPaths(c.slug))];
}

/** Where a path is written in the export folder: pages become folder/index.html. */
export function exportFileFor(urlPath: string, contentType: string): string {
  const clean = urlPath.split("?")[0]!.replace(/^\/+/, "");
  if (contentType.startsWith("text/html")) return clean === "" ? "index.html" : `${clean}/index.html`;
  return clean;
}

/** Same-origin asset URLs a page refers to (scripts, styles, media, icons). */
export function referencedAssets(body: string): string[] {
  const found = new Set<string>();
  for (const m of body.matchAll(/(?:src|href|srcSet|srcset|poster|content)="([^"]+)"/g)) {
    for (const candidate of m[1]!.split(",")) {
      const url = candidate.trim().split(/\s+/)[0] ?? "";
      if (/^\/(_next\/static|_islands|media)\//.test(url)) found.add(url.replace(/&amp;/g, "&"));
    }
  }
  // Chunks named inside the flight payload load later, on hydration.
  for (const m of body.matchAll(/\/_next\/static\/[A-Za-z0-9_\-./~]+\.(?:js|css|woff2)/g)) found.add(m[0]);
  for (const m of body.matchAll(/(?<=["'(])\/media\/[0-9a-f]{16}\.[a-z0-9]+/g)) found.add(m[0]);
  return [...found];
}
