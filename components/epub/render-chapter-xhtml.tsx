import { renderToStaticMarkup } from "react-dom/server";
import { chapterContent } from "../chapter/evaluate-chapter";
import { epubComponents, type EpubRenderContext } from "./epub-components";

/**
 * A chapter's body as XHTML for the e-book. React's static markup closes void
 * elements and escapes text and attributes, so the result is well-formed XML.
 */
export function renderChapterXhtml(chapter: { hash: string; code: string; title: string; number: number }, ctx: EpubRenderContext): string {
  const Content = chapterContent(chapter.hash, chapter.code);
  const body = renderToStaticMarkup(<Content components={epubComponents(ctx) as unknown as Record<string, unknown>} />);
  const heading = renderToStaticMarkup(
    <header>
      <p className="chapter-number">Chapter {chapter.number}</p>
      <h1>{chapter.title}</h1>
    </header>,
  );
  return `<section epub:type="chapter">${heading}${body}</section>`;
}
