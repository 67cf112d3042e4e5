import { renderToStaticMarkup } from "react-dom/server";
import { loadStory } from "../../lib/content/load-story";
import type { CompiledChapter } from "../../lib/content/types";
import type { MediaManifest } from "../../lib/media/types";
import { ChapterBody } from "../../components/chapter/ChapterBody";

/** Server-renders a compiled chapter the way the chapter page does, to plain HTML. */
export async function renderChapterToHtml(root: string, chapter: CompiledChapter, media: MediaManifest = {}): Promise<string> {
  const { story } = loadStory(root);
  if (!story) throw new Error("invalid story");
  return renderToStaticMarkup(
    <ChapterBody hash={chapter.hash} code={chapter.code} ctx={{ story, media, mediaUrl: (f) => `/media/${f}` }} />,
  );
}
