import * as React from "react";
import * as jsxRuntime from "react/jsx-runtime";
import type { ComponentType } from "react";

export type MdxContent = ComponentType<{ components: Record<string, unknown> }>;

// Evaluated once per compiled hash. The code runs on the server only; the
// browser receives the rendered result, never the chapter's code.
const evaluated = new Map<string, MdxContent>();

/** The chapter's MDX content component, to render with a components map (the web's or the e-book's). */
export function chapterContent(hash: string, code: string): MdxContent {
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
