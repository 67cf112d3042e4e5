import type { Root } from "mdast";
import { visit } from "unist-util-visit";
import { isElementNamed, readAttr, type Reporter } from "./jsx";

const PAUSE_SIZES = ["short", "medium", "long"] as const;

export function remarkPause(options: { report: Reporter }) {
  return (tree: Root) => {
    visit(tree, (node) => {
      if (!isElementNamed(node, "Pause")) return;
      const size = readAttr(node, "size");
      if (size.kind === "missing") return;
      if (size.kind !== "string" || !(PAUSE_SIZES as readonly string[]).includes(size.value)) {
        options.report(node, `<Pause> size must be ${PAUSE_SIZES.join(", ")}`);
      }
    });
  };
}
