import * as React from "react";
import * as jsxRuntime from "react/jsx-runtime";
import type { ComponentType } from "react";
import { chapterComponents } from "../mdx-components";
import type { ChapterRenderContext } from "./media-context";

type MdxContent = ComponentType<{ components: Record<string, unknown> }>;

// Evaluated once per compiled hash. The code runs on the server only; the
// browser receives the rendered result, never the chapter's code.
const evaluated = new Map<string, MdxContent>();

function evaluate(hash: string, code: string): MdxContent {
  const hit = evaluated.get(hash);
  if (hit) return hit;
  const fn = new Function("React", "_jsx_runtime", "ReactDOM", `${code}; return Component;`) as (
    r: typeof React,
    j: typeof jsxRuntime,
    d: null,
  ) => { default: MdxContent };
  const content = fn(React, jsxRuntime, null).default;
  evaluated.set(hash, content);
  return content;
}

export function ChapterBody({ hash, code, ctx }: { hash: string; code: string; ctx: ChapterRenderContext }) {
  const Content = evaluate(hash, code);
  return <Content components={chapterComponents(ctx) as unknown as Record<string, unknown>} />;
}
