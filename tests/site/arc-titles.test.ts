import { describe, expect, it } from "vitest";
import { siteView, type SiteView } from "../../lib/site/visibility";
import type { ContentSnapshot } from "../../lib/content/load-content";
import type { ChapterResult, Story } from "../../lib/content/types";

// An arc's title is a spoiler like a chapter title: readers see it only once
// one of its chapters is out (or announced, with revealUpcomingTitles).

const T = (day: number) => Date.UTC(2027, 0, day, 12);

function chapter(number: number, slug: string): ChapterResult {
  const source = { number, slug, file: `/story/0${number}-${slug}.mdx`, relPath: `0${number}-${slug}.mdx`, dir: "/story" };
  return {
    ok: true,
    chapter: { source, frontmatter: { title: `Title ${slug}` }, code: "", media: [], hash: slug, excerpt: "", links: [] },
    warnings: [],
  };
}

function snapshot(revealUpcomingTitles = false): ContentSnapshot {
  const story: Story = {
    title: "Arcs",
    description: "d",
    language: "en",
    siteUrl: "http://localhost:3000",
    cast: {},
    arcs: [
      { title: "Calmarc", from: 1, to: 2 },
      { title: "Frontarc", from: 3, to: 4 },
      { title: "Clearingarc", from: 5, to: 6 },
      { title: "Beyondarc", from: 7, to: 9 },
    ],
    revealUpcomingTitles,
  };
  return {
    root: "/story",
    story,
    chapters: [chapter(1, "a"), chapter(2, "b"), chapter(3, "c"), chapter(4, "d"), chapter(5, "e"), chapter(6, "f")],
    // 1-2 out on day 1, 3 on day 3, 4 on day 5, 5 on day 7; 6 is a draft.
    schedule: {
      timezone: "UTC",
      releases: [
        { at: T(1), chapters: [1, 2], line: 1 },
        { at: T(3), chapters: [3], line: 2 },
        { at: T(5), chapters: [4], line: 3 },
        { at: T(7), chapters: [5], line: 4 },
      ],
    },
    diagnostics: [],
    kept: [],
    stats: { compiled: 0, cached: 0 },
  };
}

/** Everything a page could print from the view, except the compiled chapters themselves. */
function printable(view: SiteView): string {
  return JSON.stringify({ story: view.story, toc: view.toc, upcoming: view.upcoming });
}

const ARCS = ["Calmarc", "Frontarc", "Clearingarc", "Beyondarc"];
const shown = (view: SiteView) => ARCS.filter((a) => printable(view).includes(a));

describe("arc titles in the site view", () => {
  it("a reader sees the title of an arc only once one of its chapters is released", () => {
    expect(shown(siteView(snapshot(), T(2), "reader")!)).toEqual(["Calmarc"]);
    expect(shown(siteView(snapshot(), T(3), "reader")!)).toEqual(["Calmarc", "Frontarc"]);
    expect(shown(siteView(snapshot(), T(8), "reader")!)).toEqual(["Calmarc", "Frontarc", "Clearingarc"]);
    expect(shown(siteView(snapshot(), T(0), "reader")!)).toEqual([]);
  });

  it("the table of contents groups chapters under public titles only", () => {
    const view = siteView(snapshot(), T(2), "reader")!;
    expect(view.toc.map((g) => [g.title, g.items.map((e) => `${e.kind}:${e.number}`)])).toEqual([
      ["Calmarc", ["chapter:1", "chapter:2"]],
      [null, ["upcoming:3", "upcoming:4", "upcoming:5"]],
    ]);
    expect(view.story.arcs.map((a) => a.title)).toEqual(["Calmarc"]);
  });

  it("revealUpcomingTitles also shows the arcs of announced chapters, never those of drafts or unwritten ones", () => {
    expect(shown(siteView(snapshot(true), T(2), "reader")!)).toEqual(["Calmarc", "Frontarc", "Clearingarc"]);
    expect(shown(siteView(snapshot(true), T(8), "reader")!)).toEqual(["Calmarc", "Frontarc", "Clearingarc"]);
  });

  it("a preview (editors, npm run dev) sees every arc", () => {
    const view = siteView(snapshot(), T(0), "preview")!;
    expect(view.story.arcs.map((a) => a.title)).toEqual(ARCS);
    expect(view.toc.map((g) => g.title)).toEqual(["Calmarc", "Frontarc", "Clearingarc"]);
  });
});
