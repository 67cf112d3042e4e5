import { describe, expect, it } from "vitest";
import { tempStory } from "../helpers/temp-story";
import { compileIn, problems } from "../helpers/compile";
import { renderChapterToHtml } from "../helpers/render";

const chapter = (body: string) => `---\ntitle: Dialogue\n---\n\n${body}\n`;

async function linesOf(body: string) {
  const root = tempStory({ "01-talk.mdx": chapter(body) });
  const result = await compileIn(root);
  if (!result.ok) throw new Error(problems(result).join("\n"));
  const html = await renderChapterToHtml(root, result.chapter);
  const lines = [
    ...html.matchAll(/<p class="line" data-lane="(\d)"(?: data-variant="([a-z]+)")? data-speaker="([a-z]+)"[^>]*>(.*?)<\/p>/g),
  ].map((m) => ({
    lane: Number(m[1]),
    variant: m[2] ?? null,
    speaker: m[3],
    text: m[4]!.replace(/<span class="line-speaker">.*?<\/span><\/span>/, "").replace(/<[^>]+>/g, ""),
  }));
  return { html, lines };
}

describe("dialogue syntax", () => {
  it("reads SPEAKER: prefixes by id or by name, in any case", async () => {
    const { lines } = await linesOf("<Dialogue>\nNINE: one\nten: two\nJuice: three\nnInE: four\n</Dialogue>");
    expect(lines.map((l) => [l.speaker, l.text])).toEqual([
      ["nine", "one"],
      ["ten", "two"],
      ["juice", "three"],
      ["nine", "four"],
    ]);
  });

  it("continues the previous speaker on a line without a prefix", async () => {
    const { lines } = await linesOf("<Dialogue>\nTEN: first\nsecond thought\n\nthird, after a blank line\nNINE: mine\n</Dialogue>");
    expect(lines.map((l) => [l.speaker, l.text])).toEqual([
      ["ten", "first"],
      ["ten", "second thought"],
      ["ten", "third, after a blank line"],
      ["nine", "mine"],
    ]);
  });

  it("renders each line in its speaker's lane with the name in the markup", async () => {
    const { html, lines } = await linesOf("<Dialogue>\nJUICE: hello\n</Dialogue>");
    expect(lines[0]).toMatchObject({ lane: 2, speaker: "juice" });
    expect(html).toContain("--speaker-color:#ffea02");
    expect(html).toMatch(/<span class="line-speaker">Juice/);
  });

  it("supports the interrupting, radio and closer variants in prefix and explicit form", async () => {
    const { lines } = await linesOf(
      [
        "<Dialogue>",
        "NINE (interrupting): wait",
        "TEN (radio): over",
        "JUICE (closer): done",
        '<Line speaker="ten" variant="radio">explicit radio</Line>',
        "</Dialogue>",
        "",
        '<Line speaker="Juice" variant="interrupting">outside</Line>',
      ].join("\n"),
    );
    expect(lines.map((l) => [l.speaker, l.variant, l.text])).toEqual([
      ["nine", "interrupting", "wait"],
      ["ten", "radio", "over"],
      ["juice", "closer", "done"],
      ["ten", "radio", "explicit radio"],
      ["juice", "interrupting", "outside"],
    ]);
  });

  it("keeps inline markdown inside a line", async () => {
    const { html } = await linesOf("<Dialogue>\nNINE: this is *very* **important** and [linked](https://example.com)\n</Dialogue>");
    expect(html).toMatch(/<em>very<\/em>/);
    expect(html).toMatch(/<strong>important<\/strong>/);
    expect(html).toMatch(/<a href="https:\/\/example.com">linked<\/a>/);
  });

  it("lets an explicit <Line> set who a following unprefixed line belongs to", async () => {
    const { lines } = await linesOf('<Dialogue>\n<Line speaker="juice">first</Line>\n\nand more\n</Dialogue>');
    expect(lines.map((l) => [l.speaker, l.text])).toEqual([
      ["juice", "first"],
      ["juice", "and more"],
    ]);
  });
});

describe("dialogue errors name file:line:column", () => {
  it("reports an unknown speaker prefix at its line", async () => {
    const root = tempStory({ "01-talk.mdx": chapter("<Dialogue>\nNINE: hi\nBOB: who?\n</Dialogue>") });
    const result = await compileIn(root);
    expect(result.ok).toBe(false);
    expect(problems(result)).toEqual([expect.stringMatching(/^7:1 unknown speaker "BOB"/)]);
    if (!result.ok) expect(result.diagnostics[0]!.file).toMatch(/01-talk\.mdx$/);
  });

  it("reports an unknown speaker on <Line> at the element", async () => {
    const root = tempStory({ "01-talk.mdx": chapter('Some text.\n\n  <Line speaker="zed">hi</Line>') });
    expect(problems(await compileIn(root))).toEqual([expect.stringMatching(/^7:3 unknown speaker "zed"/)]);
  });

  it("reports an unknown variant and a first line with no speaker", async () => {
    const root = tempStory({ "01-talk.mdx": chapter("<Dialogue>\nno speaker yet\nTEN (whisper): psst\n</Dialogue>") });
    const found = problems(await compileIn(root));
    expect(found).toEqual([
      expect.stringMatching(/^6:1 this dialogue line has no speaker/),
      expect.stringMatching(/^7:1 unknown line variant "\(whisper\)"/),
    ]);
  });
});
