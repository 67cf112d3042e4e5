import type { Root } from "mdast";
import { visit } from "unist-util-visit";
import { isElementNamed, isJsx, readAttr, setAttr, type Reporter } from "./jsx";

/**
 * Numbers the steps of each <Scrolly> and hands the Scrolly the list of its
 * steps' media, so the sticky panel can be rendered on the server.
 */
export function remarkScrolly(options: { report: Reporter }) {
  return (tree: Root) => {
    visit(tree, (node, _index, parent) => {
      if (isElementNamed(node, "Step") && !(parent && isElementNamed(parent, "Scrolly"))) {
        options.report(node, "<Step> must be placed directly inside <Scrolly>");
      }
      if (!isElementNamed(node, "Scrolly")) return;
      const panels: { media: string | null; alt: string; priority: boolean }[] = [];
      for (const child of node.children) {
        if (isElementNamed(child, "Step")) {
          const media = readAttr(child, "media");
          const alt = readAttr(child, "alt");
          setAttr(child, "index", String(panels.length));
          panels.push({
            media: media.kind === "string" ? media.value : null,
            alt: alt.kind === "string" ? alt.value : "",
            priority: readAttr(child, "priority").kind === "string",
          });
        } else if (isJsx(child) || child.type !== "paragraph" || child.children.some((c) => c.type !== "text" || c.value.trim())) {
          options.report(child, "<Scrolly> may contain only <Step> elements");
        }
      }
      if (panels.length === 0) options.report(node, "<Scrolly> needs at least one <Step>");
      setAttr(node, "panels", JSON.stringify(panels));
    });
  };
}
