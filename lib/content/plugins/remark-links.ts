import type { Root } from "mdast";
import type { Node } from "unist";
import { visit } from "unist-util-visit";
import type { LinkTarget } from "../types";
import { isJsx, readAttr } from "./jsx";

// Collects every link target a chapter writes, at its node's position, from
// the tree the compiler parsed: markdown links and images, reference
// definitions and `href` attributes. Code and MDX comments hold no link
// nodes, so nothing in them is collected. The targets are checked against the
// story's chapters later (lib/content/check-links.ts), when every chapter is known.

/** `href={"/x"}` or `href={'/x'}`: a string literal written as an expression. */
const STRING_LITERAL = /^\s*(["'])([^"'\n]*)\1\s*$/;

function hrefOf(node: Node): string | null {
  if (!isJsx(node)) return null;
  const href = readAttr(node, "href");
  if (href.kind === "string") return href.value;
  if (href.kind === "expression") return STRING_LITERAL.exec(href.source)?.[2] ?? null;
  return null;
}

export function remarkLinks(options: { onLinks: (links: LinkTarget[]) => void }) {
  return (tree: Root) => {
    const links: LinkTarget[] = [];
    visit(tree, (node) => {
      const url = node.type === "link" || node.type === "image" || node.type === "definition" ? node.url : hrefOf(node);
      const start = node.position?.start;
      if (url !== null && start) links.push({ url, line: start.line, column: start.column });
    });
    options.onLinks(links);
  };
}
