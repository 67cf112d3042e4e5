import { createElement } from "react";
import { chapterComponents } from "../mdx-components";
import type { ChapterRenderContext } from "./media-context";
import { chapterContent } from "./evaluate-chapter";

export function ChapterBody({ hash, code, ctx }: { hash: string; code: string; ctx: ChapterRenderContext }) {
  // The compiled chapter is evaluated once per hash (a stable component), not made anew per render.
  return createElement(chapterContent(hash, code), { components: chapterComponents(ctx) as unknown as Record<string, unknown> });
}
