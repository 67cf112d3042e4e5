import type { Root, Table, TableCell } from "mdast";
import type { MdxJsxFlowElement } from "mdast-util-mdx-jsx";
import { gfmTableFromMarkdown } from "mdast-util-gfm-table";
import { toString } from "mdast-util-to-string";
import { gfmTable } from "micromark-extension-gfm-table";
import { SKIP, visit } from "unist-util-visit";

/** The part of a unified processor a syntax extension registers itself on (typed by remark-parse). */
interface ParserData {
  micromarkExtensions?: unknown[];
  fromMarkdownExtensions?: unknown[];
}

/**
 * GitHub-flavoured tables, and no other part of GFM: strikethrough would take
 * `~~text~~`, which in a typed line means "typed, then deleted"; autolink
 * literals would turn a story's made-up addresses into live links; footnotes
 * are left for a later design (their back-links and ids would cross the line
 * anchors). Those stay plain text, as before.
 *
 * Each table is wrapped in a named, focusable region that scrolls sideways on
 * a narrow screen instead of widening the page; header cells get
 * `scope="col"`; column alignment becomes `text-align` (HTML's `align` is
 * obsolete, and EPUBCheck rejects it).
 */
export function remarkTables(this: { data(): ParserData }) {
  const data = this.data();
  (data.micromarkExtensions ??= []).push(gfmTable());
  (data.fromMarkdownExtensions ??= []).push(gfmTableFromMarkdown());

  return (tree: Root) => {
    visit(tree, "table", (table, index, parent) => {
      if (!parent || index === undefined) return;
      alignCells(table);
      const head = table.children[0]?.children ?? [];
      for (const cell of head) setProperty(cell, "scope", "col");
      const region: MdxJsxFlowElement = {
        type: "mdxJsxFlowElement",
        name: "div",
        attributes: [
          { type: "mdxJsxAttribute", name: "className", value: "table-scroll" },
          { type: "mdxJsxAttribute", name: "role", value: "region" },
          { type: "mdxJsxAttribute", name: "aria-label", value: tableLabel(head) },
          // Focusable so a keyboard can scroll a table wider than the screen.
          { type: "mdxJsxAttribute", name: "tabIndex", value: "0" },
        ],
        children: [table],
        position: table.position,
      };
      parent.children.splice(index, 1, region as (typeof parent.children)[number]);
      return SKIP;
    });
  };
}

/** "Table: Station, Pressure, Wind": what a screen reader announces for the region. */
export function tableLabel(head: readonly TableCell[]): string {
  const names = head.map((cell) => toString(cell).replace(/\s+/g, " ").trim()).filter(Boolean);
  return names.length > 0 ? `Table: ${names.join(", ")}` : "Table";
}

function alignCells(table: Table): void {
  const align = table.align ?? [];
  for (const row of table.children) {
    row.children.forEach((cell, i) => {
      const side = align[i];
      if (side) setProperty(cell, "style", `text-align: ${side}`);
    });
  }
  table.align = null;
}

function setProperty(cell: TableCell, name: string, value: string): void {
  cell.data = { ...cell.data, hProperties: { ...cell.data?.hProperties, [name]: value } };
}
