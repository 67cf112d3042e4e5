import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { CHAPTER_CARD, chapterPaths, isReservedName, SITE_FOLDERS, SITE_PATHS, STATE_OUTPUTS } from "../../lib/site/routes";
import { warmPaths } from "../../lib/site/warm-paths";
import { projectDir } from "../helpers/server";

/** URL paths of app/: folders with a page or route handler, and metadata files such as icon.svg. */
function appRoutes(dir = path.join(projectDir, "app"), prefix = ""): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir)) {
    const abs = path.join(dir, entry);
    if (statSync(abs).isDirectory()) out.push(...appRoutes(abs, `${prefix}/${entry}`));
    else if (/^(page|route)\.tsx?$/.test(entry)) out.push(prefix || "/");
    else if (/^(icon|apple-icon)\.\w+$/.test(entry)) out.push(`${prefix}/${entry}`);
  }
  return out;
}

describe("site routes: one list for every consumer", () => {
  it("every route in app/ is in lib/site/routes.ts", () => {
    const routes = appRoutes();
    expect(routes.length).toBeGreaterThan(8);
    const unknown = routes.filter((r) => {
      if (SITE_PATHS.has(r)) return false;
      if (r === "/[slug]" || r === `/[slug]/${CHAPTER_CARD}`) return !chapterPaths("x").includes(r.replace("[slug]", "x"));
      return !SITE_FOLDERS.includes(r.split("/")[1]!);
    });
    expect(unknown).toEqual([]);
  });

  it("reserves every site path, folder and error page as a chapter slug, and nothing a story would use", () => {
    for (const p of SITE_PATHS) if (p !== "/") expect(isReservedName(p.slice(1)), p).toBe(true);
    for (const name of ["media", "editor", "404", "500", "beta", "the-long-forecast.epub"]) expect(isReservedName(name), name).toBe(true);
    for (const name of ["dawn", "are-you-awake", "feed", "calendar"]) expect(isReservedName(name), name).toBe(false);
  });

  it("warms every release-state output", () => {
    const view = { chapters: [] } as unknown as Parameters<typeof warmPaths>[1];
    expect(warmPaths(null, view)).toEqual([...STATE_OUTPUTS]);
  });
});
