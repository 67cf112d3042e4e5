import { chapterComponents } from "../mdx-components";
import type { ChapterRenderContext } from "./media-context";
import { chapterContent } from "./evaluate-chapter";

export function ChapterBody({ hash, code, ctx }: { hash: string; code: string; ctx: ChapterRenderContext }) {
  const Content = chapterContent(hash, code);
  return <Content components={chapterComponents(ctx) as unknown as Record<string, unknown>} />;
}
