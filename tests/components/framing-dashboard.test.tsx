// @vitest-environment node
// The dashboard's framing section: per chapter, which framing it has; and the story notice's state.
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { framingData } from "../../components/editor/framing-data";
import { Framing } from "../../components/editor/Framing";
import type { ContentSnapshot } from "../../lib/content/load-content";
import type { ChapterResult, Frontmatter, Story } from "../../lib/content/types";

const T = (day: number) => Date.UTC(2027, 0, day, 12);

function chapter(number: number, slug: string, fm: Partial<Frontmatter> = {}): ChapterResult {
  const source = { number, slug, file: `/s/${slug}.mdx`, relPath: `${slug}.mdx`, dir: "/s" };
  return {
    ok: true,
    chapter: { source, frontmatter: { title: `Title ${slug}`, ...fm }, code: "", media: [], hash: slug, excerpt: "", links: [] },
    warnings: [],
  };
}

function snapshot(story: Partial<Story>): ContentSnapshot {
  return {
    root: "/s",
    story: {
      title: "S",
      description: "d",
      language: "en",
      siteUrl: "http://localhost:3000",
      cast: {},
      arcs: [],
      revealUpcomingTitles: false,
      ...story,
    },
    chapters: [
      chapter(1, "a", { warnings: ["loss", "storms"] }),
      chapter(2, "b", { recap: "r", note: "own" }),
      chapter(3, "c", { note: false }),
      { ok: false, source: { number: 4, slug: "d", file: "/s/d.mdx", relPath: "d.mdx", dir: "/s" }, diagnostics: [] },
    ],
    schedule: { timezone: "UTC", releases: [{ at: T(1), chapters: [1, 2, 3], line: 1 }] },
    diagnostics: [],
    kept: [],
    stats: { compiled: 0, cached: 0 },
  };
}

describe("framing on the dashboard", () => {
  it("lists each chapter's warnings, recap and note (its own, the story's, or off)", () => {
    const data = framingData(snapshot({ note: "story note" }), T(2));
    expect(data.rows).toEqual([
      { number: 1, slug: "a", title: "Title a", warnings: ["loss", "storms"], recap: false, note: "story" },
      { number: 2, slug: "b", title: "Title b", warnings: [], recap: true, note: "own" },
      { number: 3, slug: "c", title: "Title c", warnings: [], recap: false, note: "off" },
      { number: 4, slug: "d", title: null, warnings: [], recap: false, note: "none" },
    ]);
    expect(framingData(snapshot({}), T(2)).rows[0]?.note).toBe("none");
  });

  it("describes the notice: scheduled, showing or over, with its instants", () => {
    const notice = { kind: "hiatus" as const, text: "Back soon.", from: T(3), until: T(5) };
    expect(framingData(snapshot({ notice }), T(2)).notice).toMatchObject({
      kind: "hiatus",
      text: "Back soon.",
      status: "scheduled",
      fromIso: "2027-01-03T12:00:00Z",
      untilIso: "2027-01-05T12:00:00Z",
    });
    expect(framingData(snapshot({ notice }), T(4)).notice?.status).toBe("showing");
    expect(framingData(snapshot({ notice }), T(6)).notice?.status).toBe("over");
    expect(framingData(snapshot({}), T(2)).notice).toBeNull();
  });

  it("renders a labelled section with a table and the notice", () => {
    const html = renderToStaticMarkup(
      <Framing
        data={framingData(snapshot({ note: "n", notice: { kind: "announcement", text: "A book!", from: null, until: null } }), T(2))}
      />,
    );
    expect(html).toMatch(/^<section class="editor-section" aria-labelledby="editor-framing"><h2 id="editor-framing">Framing<\/h2>/);
    expect(html).toContain("Announcement");
    expect(html).toContain("showing now");
    expect(html).toMatch(/<th scope="row"[^>]*>Title a<\/th><td>loss, storms<\/td><td>–<\/td><td>story’s note<\/td>/);
  });
});
