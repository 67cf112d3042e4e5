import { symlinkSync, mkdirSync, readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it, beforeAll } from "vitest";
import { tempStory, tinyGif, tinyPng } from "../helpers/temp-story";
import { compileIn, problems } from "../helpers/compile";

let gif: Buffer;
let png: Buffer;
beforeAll(async () => {
  gif = await tinyGif();
  png = await tinyPng();
});

const chapter = (body: string, fm = "title: Errors") => `---\n${fm}\n---\n\n${body}\n`;

async function errorsOf(files: Record<string, string | Buffer>, number = 1) {
  const root = tempStory(files);
  const result = await compileIn(root, number);
  return { result, found: problems(result), root };
}

describe("content errors name file:line:column", () => {
  it("unknown component", async () => {
    const { found, result } = await errorsOf({ "01-a.mdx": chapter("Hello.\n\n<Gallery />") });
    expect(found).toEqual([expect.stringMatching(/^7:1 unknown component <Gallery>/)]);
    if (!result.ok) expect(result.diagnostics[0]!.file).toMatch(/01-a\.mdx$/);
  });

  it("suggests the right case for a misspelt component", async () => {
    const { found } = await errorsOf({ "01-a.mdx": chapter('<Youtube id="aqz-KE-bpKQ" title="t" />') });
    expect(found[0]).toMatch(/^5:1 unknown component <Youtube>; did you mean <YouTube>\?/);
  });

  it("missing media file", async () => {
    const { found } = await errorsOf({ "01-a/index.mdx": chapter('Text\n\n<Gif src="./media/nope.gif" alt="x" />') });
    expect(found).toEqual(['7:1 media file not found: "./media/nope.gif"']);
  });

  it("missing alt on Gif, Still and Step", async () => {
    const { found } = await errorsOf({
      "01-a/index.mdx": chapter(
        '<Gif src="./m.gif" />\n\n<Still src="./p.png" />\n\n<Scrolly>\n<Step media="./m.gif">one</Step>\n</Scrolly>',
      ),
      "01-a/m.gif": gif,
      "01-a/p.png": png,
    });
    expect(found).toEqual([
      expect.stringMatching(/^5:1 <Gif> needs alt=/),
      expect.stringMatching(/^7:1 <Still> needs alt=/),
      expect.stringMatching(/^10:1 <Step> needs alt=/),
    ]);
  });

  it('accepts alt="" for a decorative image', async () => {
    const { result } = await errorsOf({ "01-a/index.mdx": chapter('<Still src="./p.png" alt="" />'), "01-a/p.png": png });
    expect(problems(result)).toEqual([]);
    expect(result.ok).toBe(true);
  });

  it("invalid YouTube id", async () => {
    const { found } = await errorsOf({ "01-a.mdx": chapter('Watch:\n\n<YouTube id="not-an-id" title="A film" />') });
    expect(found).toEqual([expect.stringMatching(/^7:1 invalid YouTube id "not-an-id"/)]);
  });

  it("YouTube without a title and with a bad start", async () => {
    const { found } = await errorsOf({ "01-a.mdx": chapter('<YouTube id="aqz-KE-bpKQ" start="soon" />') });
    expect(found).toEqual([
      expect.stringMatching(/^5:1 <YouTube> needs a title=/),
      expect.stringMatching(/^5:1 <YouTube> start must be a whole number/),
    ]);
  });

  it("media path that leaves the content root", async () => {
    const { found } = await errorsOf({ "01-a/index.mdx": chapter('<Gif src="../../outside.gif" alt="x" />') });
    expect(found).toEqual(['5:1 media path leaves the content root: "../../outside.gif"']);
  });

  it("media path that escapes through a symlink", async () => {
    const outside = tempStory({ "secret.gif": gif }, false);
    const root = tempStory({ "01-a/index.mdx": chapter('<Gif src="./media/link.gif" alt="x" />') });
    mkdirSync(path.join(root, "01-a/media"), { recursive: true });
    symlinkSync(path.join(outside, "secret.gif"), path.join(root, "01-a/media/link.gif"));
    expect(problems(await compileIn(root))).toEqual(['5:1 media path leaves the content root through a link: "./media/link.gif"']);
  });

  it("absolute paths and URLs as media", async () => {
    const { found } = await errorsOf({
      "01-a.mdx": chapter('<Gif src="/etc/passwd.gif" alt="x" />\n\n<Still src="https://example.com/a.png" alt="y" />'),
    });
    expect(found).toEqual([
      '5:1 media path must be relative to the chapter: "/etc/passwd.gif"',
      '7:1 media must be a file beside the chapter, not a URL: "https://example.com/a.png"',
    ]);
  });

  it("imports are refused", async () => {
    const { found } = await errorsOf({ "01-a.mdx": chapter('import x from "fs"\n\nText') });
    expect(found).toEqual([expect.stringMatching(/^5:1 import is not allowed in a chapter/)]);
  });

  it("MDX syntax errors keep their position", async () => {
    const { found } = await errorsOf({ "01-a.mdx": chapter("Fine line.\n\n<Dialogue>\nNINE: unclosed") });
    expect(found).toHaveLength(1);
    expect(found[0]).toBe("7:1 Expected a closing tag for `<Dialogue>`");
  });

  it("frontmatter: missing title and unknown keys", async () => {
    const { found } = await errorsOf({ "01-a.mdx": chapter("Text", "summary: s\nreleaseAt: tomorrow") });
    expect(found).toEqual([
      expect.stringMatching(/^2:1 frontmatter: title: /),
      expect.stringMatching(/^3:1 frontmatter: unknown key "releaseAt"/),
    ]);
  });

  it("frontmatter cover must exist", async () => {
    const { found } = await errorsOf({ "01-a.mdx": chapter("Text", "title: T\ncover: ./nope.png") });
    expect(found).toEqual(['3:8 cover: media file not found: "./nope.png"']);
  });

  it("reports every problem in a chapter, not just the first", async () => {
    const { found } = await errorsOf({
      "01-a.mdx": chapter('<Dialogue>\nBOB: hi\n</Dialogue>\n\n<Gif src="./x.gif" alt="x" />\n\n<Nope />'),
    });
    expect(found).toHaveLength(3);
  });

  it("a Step outside a Scrolly", async () => {
    const { found } = await errorsOf({ "01-a.mdx": chapter("<Step>alone</Step>") });
    expect(found[0]).toMatch(/^5:1 <Step> must be placed directly inside <Scrolly>/);
  });
});

describe("a valid chapter", () => {
  it("rewrites media paths relative to the content root and lists them", async () => {
    const root = tempStory({
      "02-b/index.mdx": chapter(
        '<Gif src="./media/a.gif" alt="A" />\n\n<Scrolly>\n<Step media="./media/b.png" alt="B">one</Step>\n</Scrolly>',
        "title: T\ncover: ./media/b.png",
      ),
      "02-b/media/a.gif": gif,
      "02-b/media/b.png": png,
    });
    const result = await compileIn(root, 2);
    expect(problems(result)).toEqual([]);
    if (!result.ok) return;
    expect(result.chapter.frontmatter.cover).toBe("02-b/media/b.png");
    expect(result.chapter.media.map((m) => `${m.kind}:${m.path}`).sort()).toEqual([
      "cover:02-b/media/b.png",
      "gif:02-b/media/a.gif",
      "still:02-b/media/b.png",
    ]);
    expect(result.chapter.code).toContain("02-b/media/a.gif");
    expect(result.chapter.code).not.toContain("./media/a.gif");
  });

  it("writes nothing into the content root", async () => {
    const root = tempStory({ "01-a.mdx": chapter("Text") });
    const before = readdirSync(root, { recursive: true }).sort();
    await compileIn(root);
    expect(readdirSync(root, { recursive: true }).sort()).toEqual(before);
  });
});
