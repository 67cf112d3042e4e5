import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { projectDir } from "../helpers/server";
import { tempStory, tinyGif } from "../helpers/temp-story";
import { compileIn, problems } from "../helpers/compile";
import { renderChapterToHtml } from "../helpers/render";

const chapter = (body: string) => `---\ntitle: Paths\n---\n\n${body}\n`;

async function compile(body: string, extra: Record<string, string | Buffer> = {}) {
  const root = tempStory({ "01-a/index.mdx": chapter(body), ...extra });
  const result = await compileIn(root);
  return { root, result, found: problems(result) };
}

async function html(body: string, extra: Record<string, string | Buffer> = {}) {
  const { root, result, found } = await compile(body, extra);
  if (!result.ok) throw new Error(found.join("\n"));
  return renderChapterToHtml(root, result.chapter);
}

const lineIds = (h: string) => [...h.matchAll(/<p class="line"[^>]*\sid="([^"]+)"/g)].map((m) => m[1]);

describe("typing in dialogue lines", () => {
  it("renders the final text once, with the script for the island and an aria-hidden play layer", async () => {
    const h = await html("<Dialogue>\nNINE: I was[[pause 400]] ~~going to~~ about to say hi\n</Dialogue>");
    const typing =
      /<span class="typing"[^>]*data-typing="([^"]*)"[^>]*>(.*?)<\/span><span class="typing__play" aria-hidden="true"><\/span>/.exec(h);
    expect(typing, h).not.toBeNull();
    expect(typing![2]).toContain("I was  about to say hi");
    const script = JSON.parse(typing![1]!.replace(/&quot;/g, '"')) as unknown[];
    expect(script).toContainEqual({ op: "pause", ms: 400 });
    expect(h).not.toContain("[[");
    expect(h).not.toContain("~~");
    // Once in the page's text (the script attribute is not text).
    expect(h.replace(/<[^>]+>/g, "").split("about to say hi").length - 1).toBe(1);
  });

  it("works as a <Typing> component, in a line or alone with a speaker colour", async () => {
    const h = await html(
      '<Dialogue>\n<Line speaker="ten"><Typing>no[[delete 2]]yes</Typing></Line>\n</Dialogue>\n\n<Typing speaker="juice">hm[[pause 300]]m</Typing>',
    );
    expect(h).toMatch(/<span class="typing"[^>]*>.*yes<\/span>/);
    expect(h).toMatch(/<span class="typing"[^>]*style="--speaker-color:#ffea02"[^>]*>.*hmm<\/span>/);
  });

  it("reports bad marks at file:line:column", async () => {
    const { found } = await compile(
      "Text.\n\n<Dialogue>\nNINE: fine\nTEN: hello [[wait 3]] and [[delete 40]]\n</Dialogue>\n\n<Typing>x ~~open</Typing>",
    );
    expect(found).toEqual([
      `9:12 unknown typing mark "[[wait 3]]"; use [[pause MS]], [[delete N]] or ~~typed then deleted~~`,
      `9:27 "[[delete 40]]" deletes more than the 11 characters typed so far`,
      `12:11 "~~" is never closed: write ~~typed then deleted~~`,
    ]);
  });

  it("refuses formatting inside a typing line and an unknown speaker on <Typing>", async () => {
    const { found } = await compile('<Dialogue>\nNINE: *so* [[pause 200]] there\n</Dialogue>\n\n<Typing speaker="nobody">x</Typing>');
    expect(found[0]).toMatch(/^6:1 a typing line may contain plain text only/);
    expect(found[1]).toMatch(/^9:1 unknown speaker "nobody"/);
  });
});

describe("deep-link anchors", () => {
  it("give every line and step a content-derived id and a real link to it", async () => {
    const gif = await tinyGif();
    const h = await html(
      '<Dialogue>\nNINE: one\nTEN: two\nNINE: one\n</Dialogue>\n\n<Scrolly>\n<Step media="./m.gif" alt="A">first</Step>\n<Step>second</Step>\n</Scrolly>',
      { "01-a/m.gif": gif },
    );
    const ids = lineIds(h);
    expect(ids).toHaveLength(3);
    expect(ids[0]).toMatch(/^line-[0-9a-z]{6}$/);
    expect(ids[2]).toBe(`${ids[0]}-2`);
    for (const id of ids) expect(h).toContain(`href="#${id}"`);
    const steps = [...h.matchAll(/<section[^>]*data-scrolly-step=""[^>]*>/g)].map((m) => /\sid="(step-[0-9a-z-]+)"/.exec(m[0])?.[1]);
    expect(steps).toHaveLength(2);
    for (const id of steps) expect(h).toContain(`href="#${id}"`);
  });

  it("keep a line's id when other lines are edited, added or removed", async () => {
    const before = lineIds(await html("<Dialogue>\nNINE: one\nTEN: two\nJUICE: three\n</Dialogue>"));
    const after = lineIds(await html("Intro.\n\n<Dialogue>\nTEN: new\nNINE: one\nTEN: two, edited\nJUICE: three\n</Dialogue>"));
    expect(before).toHaveLength(3);
    expect(after).toHaveLength(4);
    expect(after[1]).toBe(before[0]);
    expect(after[3]).toBe(before[2]);
  });

  it("keep a typing line's id when only its marks change", async () => {
    const a = lineIds(await html("<Dialogue>\nNINE: hello[[pause 100]] there\n</Dialogue>"));
    const b = lineIds(await html("<Dialogue>\nNINE: hello ~~wh~~there\n</Dialogue>"));
    expect(a[0]).toMatch(/^line-/);
    expect(a[0]).toBe(b[0]);
  });

  it("let the author pin an id, and report a duplicate", async () => {
    const { found } = await compile(
      '<Dialogue>\n<Line speaker="nine" id="line-hello">a</Line>\n<Line speaker="ten" id="line-hello">b</Line>\n</Dialogue>',
    );
    expect(found).toEqual([`7:1 the anchor id "line-hello" is used twice in this chapter`]);
  });
});

describe("the sample story", () => {
  it("types in chapter 1, and chapter 4's deep link lands on a line that exists there", async () => {
    const root = path.join(projectDir, "chapters");
    const result = await compileIn(root, 1);
    if (!result.ok) throw new Error(problems(result).join("\n"));
    const h = await renderChapterToHtml(root, result.chapter);
    expect(h).toContain('class="typing"');
    const link = /\/are-you-awake#(line-[0-9a-z-]+)/.exec(readFileSync(path.join(root, "04-counting.mdx"), "utf8"))?.[1];
    expect(link).toBeDefined();
    expect(lineIds(h)).toContain(link);
    expect(h).toMatch(new RegExp(`id="${link}">.*?I was counting\\.`));
  });
});
