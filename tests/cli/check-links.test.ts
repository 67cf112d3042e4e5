import { describe, expect, it } from "vitest";
import { checkLinks, findLinks, linkProblem } from "../../lib/content/check-links";

const chapters = [
  { number: 1, slug: "the-probe" },
  { number: 2, slug: "ten-points" },
  { number: 3, slug: "pioneer" },
];

describe("links between chapters", () => {
  it("finds markdown links, reference definitions and hrefs with their positions", () => {
    const text = [
      "---",
      "title: T",
      "---",
      "",
      'Go [there](/pioneer) and ![img](./media/a.png "t").',
      "[ref]: /ten-points",
      '<a href="/the-probe">x</a> <a href={"/x"}>y</a>',
    ].join("\n");
    expect(findLinks(text)).toEqual([
      { url: "/pioneer", line: 5, column: 12 },
      { url: "./media/a.png", line: 5, column: 33 },
      { url: "/ten-points", line: 6, column: 8 },
      { url: "/the-probe", line: 7, column: 10 },
      { url: "/x", line: 7, column: 38 },
    ]);
  });

  it("skips MDX comments and code", () => {
    const text = "{/* [a](/nope) */}\n\n`[b](/nope)`\n\n```\n[c](/nope)\n```\n\n{/* multi\n[d](/nope)\n*/} [e](/nope-too)";
    expect(findLinks(text).map((l) => `${l.line}:${l.column} ${l.url}`)).toEqual(["11:9 /nope-too"]);
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

  it("reports every broken link in a chapter as a located error", () => {
    const d = checkLinks("[a](/x)\n\n[b](/pioneer) [c](/y)", "/root/01-a.mdx", chapters);
    expect(d).toEqual([
      { file: "/root/01-a.mdx", line: 1, column: 5, severity: "error", message: 'broken link "/x": no chapter has the slug "x"' },
      { file: "/root/01-a.mdx", line: 3, column: 19, severity: "error", message: 'broken link "/y": no chapter has the slug "y"' },
    ]);
  });
});
