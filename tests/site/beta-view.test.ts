import { describe, expect, it } from "vitest";
import { betaCandidates, betaView } from "../../lib/site/beta-view";
import type { ContentSnapshot } from "../../lib/content/load-content";
import type { ChapterResult, Story } from "../../lib/content/types";

// A beta reader's view: the site as a reader sees it now, plus one early
// chapter, and nothing else that is unreleased.

const T = (day: number) => Date.UTC(2027, 0, day, 12);

function chapter(number: number, slug: string): ChapterResult {
  const source = { number, slug, file: `/story/0${number}-${slug}.mdx`, relPath: `0${number}-${slug}.mdx`, dir: "/story" };
  return {
    ok: true,
    chapter: { source, frontmatter: { title: `Title ${slug}` }, code: "", media: [], hash: slug, excerpt: "", links: [] },
    warnings: [],
  };
}

function snapshot(): ContentSnapshot {
  const story: Story = {
    title: "Beta",
    description: "d",
    language: "en",
    siteUrl: "http://localhost:3000",
    cast: {},
    arcs: [],
    revealUpcomingTitles: false,
  };
  const broken: ChapterResult = {
    ok: false,
    source: { number: 6, slug: "broken", file: "/story/06-broken.mdx", relPath: "06-broken.mdx", dir: "/story" },
    diagnostics: [],
  } as unknown as ChapterResult;
  return {
    root: "/story",
    story,
    // 1 out on day 1, 2 on day 3, 3 on day 5, 4 on day 7; 5 is a draft; 6 does not compile.
    chapters: [chapter(1, "a"), chapter(2, "b"), chapter(3, "c"), chapter(4, "d"), chapter(5, "e"), broken],
    schedule: {
      timezone: "UTC",
      releases: [
        { at: T(1), chapters: [1], line: 1 },
        { at: T(3), chapters: [2], line: 2 },
        { at: T(5), chapters: [3], line: 3 },
        { at: T(7), chapters: [4, 6], line: 4 },
      ],
    },
    diagnostics: [],
    kept: [],
    stats: { compiled: 0, cached: 0 },
  };
}

describe("the view for one early chapter", () => {
  it("holds the released chapters and the one early chapter, nothing else unreleased", () => {
    const found = betaView(snapshot(), T(2), "c");
    expect(found?.kind).toBe("early");
    if (found?.kind !== "early") return;
    expect(found.view.chapters.map((c) => c.slug)).toEqual(["a", "c"]);
    expect(found.found.chapter.slug).toBe("c");
    // As of the moment it will release: its own release instant, still marked upcoming.
    expect(found.found.chapter.state).toBe("upcoming");
    expect(found.found.chapter.releasedAt).toBe(T(5));
    // Links go only to what a reader can open: no way on to chapter 2 or 4.
    expect(found.found.prev?.slug).toBe("a");
    expect(found.found.next).toBeNull();
    expect(found.view.upcoming.map((u) => [u.number, u.title])).toEqual([
      [2, undefined],
      [4, undefined],
      [6, undefined],
    ]);
    const printable = JSON.stringify({ story: found.view.story, toc: found.view.toc, upcoming: found.view.upcoming });
    for (const other of ["Title b", "Title d", "Title e"]) expect(printable).not.toContain(other);
    // Never shares a page-cache state with readers.
    expect(found.view.stateKey).not.toBe(`reader:r1`);
    expect(found.view.stateKey).toContain("beta");
  });

  it("a draft can be read early too", () => {
    const found = betaView(snapshot(), T(2), "e");
    expect(found?.kind === "early" && found.view.chapters.map((c) => c.slug)).toEqual(["a", "e"]);
  });

  it("once the chapter is released the link points to the public page", () => {
    expect(betaView(snapshot(), T(5), "c")).toEqual({ kind: "released", slug: "c" });
    expect(betaView(snapshot(), T(9), "a")).toEqual({ kind: "released", slug: "a" });
  });

  it("a chapter that does not exist or does not compile has no early view", () => {
    expect(betaView(snapshot(), T(2), "zzz")).toBeNull();
    expect(betaView(snapshot(), T(2), "broken")).toBeNull();
  });

  it("the chapters an editor can make a link to: the unreleased ones that compile", () => {
    expect(betaCandidates(snapshot(), T(4)).map((c) => [c.number, c.slug, c.state])).toEqual([
      [3, "c", "upcoming"],
      [4, "d", "upcoming"],
      [5, "e", "draft"],
    ]);
  });
});
