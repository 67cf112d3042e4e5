import type { Root, PhrasingContent } from "mdast";
import type { MdxJsxTextElement } from "mdast-util-mdx-jsx";
import type { Node } from "unist";
import { SKIP, visit } from "unist-util-visit";
import { toString } from "mdast-util-to-string";
import { hasTypingMarks, parseTypingMarks } from "../typing-marks";
import { isElementNamed, readAttr, setAttr, type JsxElement } from "./jsx";
import { speakerResolver, type SpeakerPluginOptions } from "./speakers";

/**
 * Resolves typing marks. A <Typing> element, or a dialogue line whose text
 * holds marks, gets `script` (the operations, as JSON) and only its final
 * text as children: the server renders the final text, the island plays it.
 */
export function remarkTyping(options: SpeakerPluginOptions) {
  const resolve = speakerResolver(options.cast);
  const sourceLines = options.source.split("\n");

  return (tree: Root) => {
    visit(tree, (node) => {
      if (isElementNamed(node, "Typing")) {
        const speaker = readAttr(node, "speaker");
        if (speaker.kind === "string") {
          const id = resolve(speaker.value);
          if (id) setAttr(node, "speaker", id);
          else options.report(node, `unknown speaker "${speaker.value}" on <Typing>`);
        } else if (speaker.kind !== "missing") options.report(node, `<Typing> speaker must be a plain string in quotes`);
        const text = plainText(node, "<Typing> may contain plain text only, with typing marks");
        if (text !== null) resolveInto(node, text, false);
        return SKIP;
      }
      if (!isElementNamed(node, "Line") || !hasTypingMarks(toString(node)) || holdsTyping(node)) return;
      const text = plainText(node, "a typing line may contain plain text only (no formatting, links or components)");
      if (text !== null) resolveInto(node, text, true);
      return SKIP;
    });
  };

  /** The element's text, or null (reported) when it holds anything but text. */
  function plainText(el: JsxElement, message: string): string | null {
    let ok = true;
    const walk = (nodes: readonly Node[]): string =>
      nodes
        .map((n) => {
          if (n.type === "text") return (n as unknown as { value: string }).value;
          if (n.type === "paragraph") return walk((n as unknown as { children: Node[] }).children);
          ok = false;
          return "";
        })
        .join("");
    const text = walk(el.children as Node[]).trim();
    if (!ok) {
      options.report(el, message);
      return null;
    }
    return text;
  }

  function resolveInto(el: JsxElement, text: string, wrap: boolean): void {
    const script = parseTypingMarks(text);
    let cursor = { line: el.position?.start.line ?? 1, column: el.position?.start.column ?? 1 };
    for (const error of script.errors) {
      const found = locate(text.slice(error.offset, error.offset + error.length), cursor);
      if (found) cursor = { line: found.line, column: found.column + error.length };
      options.report(found ? at(found.line, found.column) : el, error.message);
    }
    const finalText: PhrasingContent = { type: "text", value: script.final };
    if (!wrap) {
      setAttr(el, "script", JSON.stringify(script.ops));
      el.children = [finalText] as JsxElement["children"];
      return;
    }
    const typing: MdxJsxTextElement = {
      type: "mdxJsxTextElement",
      name: "Typing",
      attributes: [{ type: "mdxJsxAttribute", name: "script", value: JSON.stringify(script.ops) }],
      children: [finalText],
    };
    el.children = [typing] as JsxElement["children"];
  }

  /** Where `raw` next occurs in the source at or after `from` (1-based line and column). */
  function locate(raw: string, from: { line: number; column: number }): { line: number; column: number } | null {
    for (let line = from.line; line <= sourceLines.length; line++) {
      const text = sourceLines[line - 1] ?? "";
      const index = text.indexOf(raw, line === from.line ? from.column - 1 : 0);
      if (index >= 0) return { line, column: index + 1 };
    }
    return null;
  }
}

function holdsTyping(el: JsxElement): boolean {
  let found = false;
  visit(el, (n) => {
    if (n !== el && isElementNamed(n, "Typing")) found = true;
  });
  return found;
}

function at(line: number, column: number): Node {
  return { type: "text", position: { start: { line, column }, end: { line, column } } };
}
