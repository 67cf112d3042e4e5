import type { Root } from "mdast";
import { visit } from "unist-util-visit";
import { toString } from "mdast-util-to-string";
import { AnchorNamer } from "../anchors";
import { isElementNamed, readAttr, setAttr, type JsxElement, type Reporter } from "./jsx";

const PINNED = /^[A-Za-z][A-Za-z0-9_-]*$/;

/**
 * Gives every <Line> and <Step> an `id` for deep links (#line-…, #step-…),
 * derived from its content so edits elsewhere in the chapter leave it alone.
 * An author may pin one with id="…"; pinned ids are claimed first.
 */
export function remarkAnchors(options: { report: Reporter }) {
  return (tree: Root) => {
    const targets: { el: JsxElement; kind: "line" | "step" }[] = [];
    visit(tree, (node) => {
      if (isElementNamed(node, "Line")) targets.push({ el: node, kind: "line" });
      else if (isElementNamed(node, "Step")) targets.push({ el: node, kind: "step" });
    });
    const namer = new AnchorNamer();
    const unnamed: typeof targets = [];
    for (const target of targets) {
      const id = readAttr(target.el, "id");
      if (id.kind === "missing") unnamed.push(target);
      else if (id.kind !== "string" || !PINNED.test(id.value)) {
        options.report(target.el, `<${target.el.name}> id must be letters, digits, "-" or "_", starting with a letter`);
        unnamed.push(target);
      } else if (!namer.claim(id.value)) options.report(target.el, `the anchor id "${id.value}" is used twice in this chapter`);
    }
    for (const { el, kind } of unnamed) {
      const who = readAttr(el, kind === "line" ? "speaker" : "media");
      const key = `${who.kind === "string" ? who.value : ""}\n${toString(el)}`;
      setAttr(el, "id", namer.name(kind, key));
    }
  };
}
