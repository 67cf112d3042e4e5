import type { Root } from "mdast";
import type { Node } from "unist";
import { visit } from "unist-util-visit";
import type { Reporter } from "./jsx";

interface EsmNode extends Node {
  type: "mdxjsEsm";
  value: string;
}

// Chapters get every component without imports; an import could also pull
// arbitrary code into the build, so ESM in a chapter is refused outright.
export function remarkNoEsm(options: { report: Reporter }) {
  return (tree: Root) => {
    visit(tree, (node: Node) => {
      if (node.type !== "mdxjsEsm") return;
      // Nodes without a position were added by the frontmatter plugin, not written.
      if (!node.position) return;
      const kind = /^\s*export\b/.test((node as EsmNode).value) ? "export" : "import";
      options.report(node, `${kind} is not allowed in a chapter: components are available without imports`);
    });
    // Drop what was reported so the bundler does not also fail on the import.
    tree.children = tree.children.filter((c) => (c as Node).type !== "mdxjsEsm" || !(c as Node).position);
  };
}
