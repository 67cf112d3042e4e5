import type { Root } from "mdast";
import { visit } from "unist-util-visit";
import { isJsx, type Reporter } from "./jsx";
import { CHAPTER_COMPONENTS } from "../chapter-components";

// Lowercase names are plain HTML elements and pass through; anything
// capitalised must be one of ours, or it would fail only when a reader opens the page.
export function remarkKnownComponents(options: { report: Reporter }) {
  const known = new Set<string>(CHAPTER_COMPONENTS);
  return (tree: Root) => {
    visit(tree, (node) => {
      if (!isJsx(node) || node.name === null) return;
      const name = node.name;
      if (/^[a-z][a-z0-9-]*$/.test(name)) return;
      if (!known.has(name)) {
        const suggestion = [...known].find((k) => k.toLowerCase() === name.toLowerCase());
        options.report(
          node,
          `unknown component <${name}>` + (suggestion ? `; did you mean <${suggestion}>?` : `; available: ${[...known].join(", ")}`),
        );
      }
    });
  };
}
