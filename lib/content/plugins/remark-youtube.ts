import type { Root } from "mdast";
import { visit } from "unist-util-visit";
import { isElementNamed, readAttr, requireString, setAttr, type Reporter } from "./jsx";

const YOUTUBE_ID = /^[A-Za-z0-9_-]{11}$/;

/** Checks <YouTube id title start?>: a bad id would only fail in the reader's browser. */
export function remarkYouTube(options: { report: Reporter }) {
  return (tree: Root) => {
    visit(tree, (node) => {
      if (!isElementNamed(node, "YouTube")) return;
      const id = requireString(node, "id", options.report);
      if (id !== null && !YOUTUBE_ID.test(id)) {
        options.report(node, `invalid YouTube id "${id}": an id is 11 letters, digits, - or _ (the part after v= in the link)`);
      }
      const title = requireString(node, "title", options.report);
      if (title !== null && title.trim() === "") options.report(node, "<YouTube> title must describe the video");
      const start = readAttr(node, "start");
      if (start.kind === "missing") return;
      const raw = start.kind === "string" ? start.value : start.kind === "expression" ? start.source : "";
      if (!/^\s*\d+\s*$/.test(raw)) {
        options.report(node, `<YouTube> start must be a whole number of seconds, got "${raw}"`);
        return;
      }
      setAttr(node, "start", raw.trim());
    });
  };
}
