import { describe, expect, it } from "vitest";
import { tempStory, tinyGif } from "../helpers/temp-story";
import { compileIn, problems } from "../helpers/compile";

async function priorityIn(body: string): Promise<number> {
  const root = tempStory({
    "01-a/index.mdx": `---\ntitle: A\n---\n\n${body}\n`,
    "01-a/g.gif": await tinyGif(),
    "01-a/h.gif": await tinyGif(),
  });
  const result = await compileIn(root);
  if (!result.ok) throw new Error(problems(result).join("\n"));
  return (result.chapter.code.match(/priority:\s*"true"/g) ?? []).length;
}

describe("the first picture's priority", () => {
  it("is high when the picture opens the chapter (right under the title: the LCP element)", async () => {
    expect(await priorityIn('<Gif src="./g.gif" alt="opening" />\n\nText.\n\n<Gif src="./h.gif" alt="later" />')).toBe(1);
  });

  it("is not given when text comes first (the title is the LCP element; the picture is below the fold)", async () => {
    expect(await priorityIn('Some opening words.\n\n<Gif src="./g.gif" alt="first" />\n\n<Gif src="./h.gif" alt="later" />')).toBe(0);
  });
});
