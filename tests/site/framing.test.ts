import { describe, expect, it } from "vitest";
import { cacheSeconds, siteView } from "../../lib/site/visibility";
import { buildFeed } from "../../lib/site/feeds";
import { buildSitemap } from "../../lib/site/sitemap";
import { buildCalendar } from "../../lib/site/calendar";
import type { ContentSnapshot } from "../../lib/content/load-content";
import type { ChapterResult, Frontmatter, Story, StoryNotice } from "../../lib/content/types";

// Framing is decided in the view model: which warnings, recap and note a
// chapter shows, and whether the story notice is on at `now`.

const T = (day: number, hour = 12) => Date.UTC(2027, 0, day, hour);

function chapter(number: number, slug: string, fm: Partial<Frontmatter> = {}): ChapterResult {
  const source = { number, slug, file: `/story/0${number}-${slug}.mdx`, relPath: `0${number}-${slug}.mdx`, dir: "/story" };
  return {
    ok: true,
    chapter: {
      source,
      frontmatter: { title: `Title ${slug}`, ...fm },
      code: "",
      media: [],
      hash: slug,
      excerpt: `Excerpt ${slug}`,
      links: [],
    },
    warnings: [],
  };
}

function snapshot(extra: Partial<Story> = {}): ContentSnapshot {
  const story: Story = {
    title: "Framed",
    description: "d",
    language: "en",
    siteUrl: "http://localhost:3000",
    cast: {},
    arcs: [],
    revealUpcomingTitles: false,
    ...extra,
  };
  return {
    root: "/story",
    story,
    chapters: [
      chapter(1, "a", { warnings: ["storm at sea"] }),
      chapter(2, "b", { recap: "Margo *counted*.", note: "Chapter two's own note." }),
      chapter(3, "c", { note: false }),
      chapter(4, "d", { recap: "Upcomingrecapmarker", warnings: ["Upcomingwarningmarker"], note: "Upcomingnotemarker" }),
    ],
    // 1-3 out on day 1, 4 on day 10.
    schedule: {
      timezone: "UTC",
      releases: [
        { at: T(1), chapters: [1, 2, 3], line: 1 },
        { at: T(10), chapters: [4], line: 2 },
      ],
    },
    diagnostics: [],
    kept: [],
    stats: { compiled: 0, cached: 0 },
  };
}

const notice = (n: Partial<StoryNotice> = {}): StoryNotice => ({
  kind: "hiatus",
  text: "Back in **spring**.",
  from: null,
  until: null,
  ...n,
});

describe("chapter framing in the site view", () => {
  it("carries warnings and recap; the story note is the default, a chapter note overrides it, note: false drops it", () => {
    const view = siteView(snapshot({ note: "Story-wide note." }), T(2), "reader")!;
    expect(view.chapters.map((c) => c.framing)).toEqual([
      { warnings: ["storm at sea"], recap: null, note: "Story-wide note." },
      { warnings: [], recap: "Margo *counted*.", note: "Chapter two's own note." },
      { warnings: [], recap: null, note: null },
    ]);
  });

  it("without a story note, chapters without one have none", () => {
    const view = siteView(snapshot(), T(2), "reader")!;
    expect(view.chapters.map((c) => c.framing.note)).toEqual([null, "Chapter two's own note.", null]);
  });

  it("a reader's view holds no framing of an unreleased chapter; a preview's does", () => {
    const markers = ["Upcomingrecapmarker", "Upcomingwarningmarker", "Upcomingnotemarker"];
    const reader = JSON.stringify(siteView(snapshot({ notice: notice() }), T(2), "reader"));
    expect(markers.filter((m) => reader.includes(m))).toEqual([]);
    const preview = siteView(snapshot(), T(2), "preview")!;
    expect(preview.chapters.find((c) => c.number === 4)?.framing).toEqual({
      warnings: ["Upcomingwarningmarker"],
      recap: "Upcomingrecapmarker",
      note: "Upcomingnotemarker",
    });
  });
});

describe("the story notice in the site view", () => {
  const scheduled = notice({ from: T(3), until: T(5) });

  it("is not shown before its from instant, shown from it, and gone at its until instant", () => {
    const at = (now: number) => siteView(snapshot({ notice: scheduled }), now, "reader")!.notice;
    expect(at(T(3) - 1)).toBeNull();
    expect(at(T(3))).toEqual({ kind: "hiatus", text: "Back in **spring**." });
    expect(at(T(5) - 1)).not.toBeNull();
    expect(at(T(5))).toBeNull();
  });

  it("before its from instant, no part of a reader's view holds its text", () => {
    const view = siteView(snapshot({ notice: notice({ text: "Futurenoticemarker", from: T(3) }) }), T(2), "reader")!;
    expect(JSON.stringify(view)).not.toContain("Futurenoticemarker");
  });

  it("without from/until it is always on; without a notice there is none", () => {
    expect(siteView(snapshot({ notice: notice() }), T(0), "reader")!.notice).not.toBeNull();
    expect(siteView(snapshot(), T(2), "reader")!.notice).toBeNull();
  });

  it("a preview sees the notice by the same rule (the editor's as-of instant)", () => {
    expect(siteView(snapshot({ notice: scheduled }), T(2), "preview")!.notice).toBeNull();
    expect(siteView(snapshot({ notice: scheduled }), T(4), "preview")!.notice).not.toBeNull();
  });

  it("changes the cache key when it comes and goes, and caches never outlive it", () => {
    const key = (now: number) => siteView(snapshot({ notice: scheduled }), now, "reader")!.stateKey;
    expect(new Set([key(T(2)), key(T(4)), key(T(6))]).size).toBe(3);
    expect(key(T(3))).toBe(key(T(4)));
    // Release state keys are unchanged without a notice.
    expect(siteView(snapshot(), T(2), "reader")!.stateKey).toBe("reader:r1-3");
    expect(cacheSeconds(siteView(snapshot({ notice: scheduled }), T(3) - 10_000, "reader")!, T(3) - 10_000)).toBe(9);
    expect(cacheSeconds(siteView(snapshot({ notice: scheduled }), T(5) - 5_000, "reader")!, T(5) - 5_000)).toBe(4);
    expect(cacheSeconds(siteView(snapshot({ notice: notice() }), T(2), "reader")!, T(2))).toBe(60);
  });

  it("is not a chapter: numbering, table of contents, feeds, sitemap and calendar are the same with it set", () => {
    for (const now of [T(2), T(4), T(11)]) {
      const plain = siteView(snapshot(), now, "reader")!;
      const withNotice = siteView(snapshot({ notice: notice({ from: T(3) }) }), now, "reader")!;
      expect(withNotice.chapters.map((c) => [c.number, c.slug])).toEqual(plain.chapters.map((c) => [c.number, c.slug]));
      expect(withNotice.toc).toEqual(plain.toc);
      expect(withNotice.upcoming).toEqual(plain.upcoming);
      expect(buildFeed(withNotice).atom1()).toBe(buildFeed(plain).atom1());
      expect(buildFeed(withNotice).rss2()).toBe(buildFeed(plain).rss2());
      expect(buildFeed(withNotice).json1()).toBe(buildFeed(plain).json1());
      expect(buildSitemap(withNotice)).toBe(buildSitemap(plain));
      expect(buildCalendar(withNotice)).toBe(buildCalendar(plain));
    }
  });
});
