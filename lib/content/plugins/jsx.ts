import type { MdxJsxAttribute, MdxJsxFlowElement, MdxJsxTextElement } from "mdast-util-mdx-jsx";
import type { Node } from "unist";

// Small helpers every plugin shares: reading and writing JSX attributes, and
// reporting a problem at a node's position instead of throwing, so one pass
// collects every problem in a chapter.

export type JsxElement = MdxJsxFlowElement | MdxJsxTextElement;

export interface Reporter {
  (node: Node | undefined, message: string, severity?: "error" | "warning"): void;
}

export function isJsx(node: Node): node is JsxElement {
  return node.type === "mdxJsxFlowElement" || node.type === "mdxJsxTextElement";
}

export function isElementNamed(node: Node, name: string): node is JsxElement {
  return isJsx(node) && node.name === name;
}

export type AttrValue =
  { kind: "missing" } | { kind: "string"; value: string } | { kind: "expression"; source: string } | { kind: "boolean" };

export function readAttr(el: JsxElement, name: string): AttrValue {
  const attr = el.attributes.find((a): a is MdxJsxAttribute => a.type === "mdxJsxAttribute" && a.name === name);
  if (!attr) return { kind: "missing" };
  if (attr.value === null || attr.value === undefined) return { kind: "boolean" };
  if (typeof attr.value === "string") return { kind: "string", value: attr.value };
  return { kind: "expression", source: attr.value.value };
}

/** A string attribute, or a reported error when it is missing or not a plain string. */
export function requireString(el: JsxElement, name: string, report: Reporter): string | null {
  const attr = readAttr(el, name);
  if (attr.kind === "string") return attr.value;
  if (attr.kind === "missing") report(el, `<${el.name}> needs a ${name}="…" attribute`);
  else report(el, `<${el.name}> ${name} must be a plain string in quotes`);
  return null;
}

export function setAttr(el: JsxElement, name: string, value: string): void {
  const existing = el.attributes.find((a): a is MdxJsxAttribute => a.type === "mdxJsxAttribute" && a.name === name);
  if (existing) existing.value = value;
  else el.attributes.push({ type: "mdxJsxAttribute", name, value });
}

export function removeAttr(el: JsxElement, name: string): void {
  el.attributes = el.attributes.filter((a) => !(a.type === "mdxJsxAttribute" && a.name === name));
}
