// @vitest-environment node
// The component map, the e-book's map and the compiler's list of known
// components name the same components: a chapter that compiles renders on the
// web and in the book.
import { describe, expect, it } from "vitest";
import { chapterComponents } from "../../components/mdx-components";
import { epubComponents, type EpubRenderContext } from "../../components/epub/epub-components";
import { renderChapterXhtml } from "../../components/epub/render-chapter-xhtml";
import type { ChapterRenderContext } from "../../components/chapter/media-context";
import { CHAPTER_COMPONENTS } from "../../lib/content/chapter-components";
import { loadStory } from "../../lib/content/load-story";
import { tempStory } from "../helpers/temp-story";
import { compileIn } from "../helpers/compile";

const known = [...CHAPTER_COMPONENTS].sort();
/** Components are capitalised; lowercase keys override plain HTML elements. */
const componentsOf = (map: object) =>
  Object.keys(map)
    .filter((k) => /^[A-Z]/.test(k))
    .sort();

describe("one list of chapter components", () => {
  it("the web map holds exactly the components the compiler accepts", () => {
    expect(componentsOf(chapterComponents({} as ChapterRenderContext))).toEqual(known);
  });

  it("the e-book map holds exactly the components the compiler accepts", () => {
    expect(componentsOf(epubComponents({} as EpubRenderContext))).toEqual(known);
  });

  it("a chapter with typed text renders in the e-book as its final text", async () => {
    const root = tempStory({ "01-a.mdx": '---\ntitle: T\n---\n\n<Typing speaker="nine">Hi.[[pause 400]] Bye.</Typing>\n' });
    const result = await compileIn(root);
    if (!result.ok) throw new Error(JSON.stringify(result.diagnostics));
    const story = loadStory(root).story!;
    const ctx: EpubRenderContext = { story, images: { picture: () => null } as never, webUrl: "https://x.example/a", link: (h) => h };
    const xhtml = renderChapterXhtml({ hash: result.chapter.hash, code: result.chapter.code, title: "T", number: 1 }, ctx);
    expect(xhtml).toContain('<span class="typing">Hi. Bye.</span>');
  });
});
