import { describe, expect, it } from "vitest";
import { fmtBytes, fmtCounts, fmtRatio, growthExponent, markdownTable, median, percentile } from "../../scripts/bench/lib/stats";
import { gifPathsOf, naiveChapterHtml, parseAttributes, stripFrontmatter } from "../../scripts/bench/lib/naive-chapter";
import { generatedChapterDir, generatedChapterMdx } from "../../scripts/bench/lib/generate-story";
import { rescheduleChapter } from "../../scripts/bench/lib/schedule-edit";
import { chunksNamedIn, frameworkChunks } from "../../scripts/bench/js";

describe("bench statistics", () => {
  it("median of odd and even lists, ignoring non-numbers", () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([NaN, 5])).toBe(5);
    expect(median([])).toBeNaN();
  });
  it("nearest-rank percentiles", () => {
    const xs = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(xs, 50)).toBe(50);
    expect(percentile(xs, 99)).toBe(99);
    expect(percentile(xs, 100)).toBe(100);
    expect(percentile([7], 99)).toBe(7);
  });
  it("formats bytes, ratios and counts", () => {
    expect(fmtBytes(512)).toBe("512 B");
    expect(fmtBytes(30 * 1024)).toBe("30.0 KB");
    expect(fmtBytes(3 * 1024 * 1024)).toBe("3.00 MB");
    expect(fmtRatio(1, 4)).toBe("×0.25");
    expect(fmtRatio(1, 0)).toBe("n/a");
    expect(
      fmtCounts(
        new Map([
          [404, 3],
          [200, 10],
        ]),
      ),
    ).toBe("200×10, 404×3");
  });
  it("growth exponent: ~1 for linear, ~0 for constant", () => {
    expect(growthExponent([10, 100, 500].map((n) => ({ n, cost: 3 * n })))).toBeCloseTo(1, 5);
    expect(growthExponent([10, 100, 500].map((n) => ({ n, cost: 42 })))).toBeCloseTo(0, 5);
    expect(growthExponent([{ n: 10, cost: 1 }])).toBeNaN();
  });
  it("markdown tables are aligned and escape pipes", () => {
    const t = markdownTable(["a", "bb"], [["x|y", 1]], ["l", "r"]).split("\n");
    expect(t[0]).toBe("| a    |  bb |");
    expect(t[1]).toBe("| ---- | --: |");
    expect(t[2]).toBe("| x\\|y |   1 |");
  });
});

describe("naive chapter", () => {
  const mdx = `---
title: Radar
---

<Dialogue>
ODELL: It is *moving*.
PIP (closer): Oh.
</Dialogue>

<Gif src="./media/a.gif" alt="A & B" caption="Up high." />

<Scrolly>
<Step media="./media/b.gif" alt="Chart">
Text in a step.
</Step>
</Scrolly>

<Still src="./media/map.png" alt="Map" />

<YouTube id="abc123" title="Film" start={30} poster="./media/p.jpg" />

<Line speaker="sonde" variant="closer">Bye.</Line>
`;
  it("finds GIF paths once each, skipping remote URLs", () => {
    expect(gifPathsOf(mdx + `<Gif src="./media/a.gif" /><Gif src="https://x.test/c.gif" />`)).toEqual(["./media/a.gif", "./media/b.gif"]);
  });
  it("parses attributes in quotes and braces", () => {
    expect(parseAttributes(`id="x" start={30} title={"T"} flag`)).toEqual({ id: "x", start: "30", title: "T", flag: "true" });
  });
  it("strips frontmatter", () => {
    expect(stripFrontmatter(mdx).startsWith("\n<Dialogue>")).toBe(true);
  });
  it("renders text, unsized GIF images, the original still and a direct YouTube iframe", () => {
    const html = naiveChapterHtml({ title: "Radar", mdx, mediaUrl: (s) => `/m/${s.replace("./media/", "")}` });
    expect(html).toContain("<title>Radar</title>");
    expect(html).toContain("<p><b>ODELL</b>: It is <em>moving</em>.</p>");
    expect(html).toContain("<p><b>PIP</b> <i>(closer)</i>: Oh.</p>");
    expect(html).toContain(`<img src="/m/a.gif" alt="A &amp; B">`);
    expect(html).toContain("<figcaption>Up high.</figcaption>");
    expect(html).toContain(`<img src="/m/b.gif" alt="Chart">`);
    expect(html).toContain(`<img src="/m/map.png" alt="Map">`);
    expect(html).toContain(`src="https://www.youtube.com/embed/abc123?start=30"`);
    expect(html).toContain("<p>Text in a step.</p>");
    expect(html).toContain("<p><b>sonde</b>: Bye.</p>");
    expect(html).not.toMatch(/<img[^>]*\b(width|height|loading)=/);
    expect(html).not.toContain("<script");
  });
});

describe("generated story and burst schedule", () => {
  it("generated chapters are deterministic, named for the finder, and an edit changes the text", () => {
    expect(generatedChapterMdx(7)).toBe(generatedChapterMdx(7));
    expect(generatedChapterMdx(7, 1)).not.toBe(generatedChapterMdx(7));
    expect(generatedChapterMdx(7)).toMatch(/^---\ntitle: Report 7\n/);
    expect(generatedChapterDir(42)).toBe("0042-report-42");
  });
  it("moves one chapter to its own release instant, keeping the rest", () => {
    const yaml = `timezone: America/New_York\nreleases:\n  - at: 2026-07-05T09:00\n    chapters: [1, 2]\n  - at: 2026-07-06T09:00\n    chapters: [3]\n`;
    const out = rescheduleChapter(yaml, 3, "2030-01-01T00:00:00Z");
    expect(out).toContain("timezone: America/New_York");
    expect(out).toMatch(/at: 2026-07-05T09:00[\s\S]*chapters:[\s\S]*1[\s\S]*2/);
    expect(out).toMatch(/at: 2030-01-01T00:00:00Z\s+chapters:\s+- 3/);
    expect(out).not.toContain("2026-07-06");
  });
});

describe("js bench classification", () => {
  it("framework chunks come from rootMainFiles and polyfillFiles", () => {
    expect([...frameworkChunks({ rootMainFiles: ["static/chunks/a.js"], polyfillFiles: ["static/chunks/p.js"] })]).toEqual([
      "static/chunks/a.js",
      "static/chunks/p.js",
    ]);
  });
  it("chunks named in a page's HTML", () => {
    expect([
      ...chunksNamedIn(`<script src="/_next/static/chunks/0a-b_c.js" async></script>:I["x",["/_next/static/chunks/1d~e.js"]]`),
    ]).toEqual(["0a-b_c.js", "1d~e.js"]);
    // Reader pages name only the islands script.
    expect([...chunksNamedIn(`<script defer src="/_islands/Ab_c-9.js"></script>`)]).toEqual(["Ab_c-9.js"]);
  });
});
