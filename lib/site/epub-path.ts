import { slugify } from "../content/chapter-template";
import type { Story } from "../content/types";

/** The e-book's public path, named after the story: `/the-long-forecast.epub`. */
export function epubPath(story: Pick<Story, "title">): string {
  return `/${slugify(story.title) || "story"}.epub`;
}

/** File name inside the book for a chapter, e.g. `chapter-007.xhtml`. */
export function epubChapterFile(number: number): string {
  return `chapter-${String(number).padStart(3, "0")}.xhtml`;
}

/** The story's e-book path when it has a chapter to hold (an empty book is not a valid EPUB), else null. */
export function offeredEpub(view: { story: Pick<Story, "title">; chapters: { state: string }[] }): string | null {
  return view.chapters.some((c) => c.state === "released") ? epubPath(view.story) : null;
}
