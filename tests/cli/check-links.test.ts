import { describe, expect, it } from "vitest";
import { checkChapterLinks, checkLinks, linkProblem } from "../../lib/content/check-links";
import { SITE_FOLDERS, SITE_PATHS } from "../../lib/site/routes";
import type { ChapterResult, LinkTarget } from "../../lib/content/types";
import { tempStory } from "../helpers/temp-story";
import { compileIn } from "../helpers/compile";

const chapters = [
  { number: 1, slug: "the-probe" },
  { number: 2, slug: "ten-points" },
  { number: 3, slug: "pioneer" },
];

const chapter = (body: string) => `---\ntitle: T\n---\n\n${body}\n`;

function linksOf(result: ChapterResult): LinkTarget[] {
  return (result.ok ? result.chapter.links : result.links) ?? [];
}

describe("links between chapters", () => {
  it("collects markdown links, images, reference definitions and hrefs from the compiled tree, at their nodes", async () => {
    const body = [
      'Go [there](/pioneer) and ![img](https://example.com/a.png "t").',
      "",
      "[ref]: /ten-points",
      "",
      '<a href="/the-probe">x</a> <a href={"/x"}>y</a>',
    ].join("\n");
    const result = await compileIn(tempStory({ "01-a.mdx": chapter(body) }));
    expect(linksOf(result)).toEqual([
      { url: "/pioneer", line: 5, column: 4 },
      { url: "https://example.com/a.png", line: 5, column: 26 },
      { url: "/ten-points", line: 7, column: 1 },
      { url: "/the-probe", line: 9, column: 1 },
      { url: "/x", line: 9, column: 28 },
    ]);
  });

  it("collects nothing from code or MDX comments", async () => {
    const body = "{/* [a](/nope) */}\n\n`[b](/nope)`\n\n```\n[c](/nope)\n```\n\n{/* multi\n[d](/nope)\n*/} [e](/nope-too)";
    const result = await compileIn(tempStory({ "01-a.mdx": chapter(body) }));
    expect(linksOf(result).map((l) => `${l.line}:${l.column} ${l.url}`)).toEqual(["15:5 /nope-too"]);
  });

  it("reports a broken link in a chapter at its line and column, and only that one", async () => {
    const root = tempStory({
      "01-the-probe.mdx": chapter("Back to [the start](/the-probe).\n\nOn to `[code](/nowhere)` and [the next](/pioner)."),
      "02-pioneer.mdx": chapter("See [one](./01-the-probe.mdx)."),
    });
    const results = [await compileIn(root, 1), await compileIn(root, 2)];
    expect(checkChapterLinks(results)).toEqual([
      {
        file: expect.stringMatching(/01-the-probe\.mdx$/),
        line: 7,
        column: 30,
        severity: "error",
        message: 'broken link "/pioner": no chapter has the slug "pioner"; did you mean /pioneer?',
      },
    ]);
  });

  it("checks the links of a chapter that fails for another reason too", async () => {
    const root = tempStory({ "01-a.mdx": chapter("<Gallery />\n\nSee [b](/nowhere).") });
    const result = await compileIn(root);
    expect(result.ok).toBe(false);
    expect(checkChapterLinks([result]).map((d) => `${d.line}:${d.column} ${d.message}`)).toEqual([
      '7:5 broken link "/nowhere": no chapter has the slug "nowhere"',
    ]);
  });

  it("accepts every site path and folder named in lib/site/routes.ts", () => {
    for (const p of SITE_PATHS) expect(linkProblem(p, chapters), p).toBeNull();
    for (const f of SITE_FOLDERS) expect(linkProblem(`/${f}/anything`, chapters), f).toBeNull();
    expect(linkProblem("/not-a-route/x", chapters)).toMatch(/^broken link/);
  });

  it("accepts chapter URLs, site paths, anchors and external links", () => {
    for (const ok of [
      "/pioneer",
      "/pioneer/",
      "/pioneer#top",
      "/pioneer?x=1",
      "/",
      "/feed.xml",
      "/pioneer/cover.png",
      "#notes",
      "https://example.com/x",
      "mailto:a@b.c",
      "//cdn.example.com/a",
      "./01-the-probe",
      "../02-ten-points/index.mdx",
      "./03-pioneer.mdx",
      "./media/a.png",
    ]) {
      expect(linkProblem(ok, chapters), ok).toBeNull();
    }
  });

  it("explains each broken link", () => {
    expect(linkProblem("/nowhere", chapters)).toBe('broken link "/nowhere": no chapter has the slug "nowhere"');
    expect(linkProblem("/pioner", chapters)).toBe('broken link "/pioner": no chapter has the slug "pioner"; did you mean /pioneer?');
    expect(linkProblem("/03-pioneer", chapters)).toBe(
      'broken link "/03-pioneer": no chapter has the slug "03-pioneer"; the chapter\'s URL is /pioneer',
    );
    expect(linkProblem("/pioneer/more", chapters)).toMatch(/^broken link "\/pioneer\/more": chapter "pioneer" has no page "\/more"/);
    expect(linkProblem("./04-field", chapters)).toBe('broken link "./04-field": no chapter has the slug "field"');
    expect(linkProblem("./02-pioneer", chapters)).toBe('broken link "./02-pioneer": chapter "pioneer" is number 3, not 2');
  });

  it("reports every broken link among a chapter's links as a located error", () => {
    const links = [
      { url: "/x", line: 1, column: 1 },
      { url: "/pioneer", line: 3, column: 1 },
      { url: "/y", line: 3, column: 15 },
    ];
    expect(checkLinks(links, "/root/01-a.mdx", chapters)).toEqual([
      { file: "/root/01-a.mdx", line: 1, column: 1, severity: "error", message: 'broken link "/x": no chapter has the slug "x"' },
      { file: "/root/01-a.mdx", line: 3, column: 15, severity: "error", message: 'broken link "/y": no chapter has the slug "y"' },
    ]);
  });
});
