import type { Root, RootContent, PhrasingContent } from "mdast";
import type { MdxJsxFlowElement } from "mdast-util-mdx-jsx";
import type { Node } from "unist";
import { visit } from "unist-util-visit";
import { isElementNamed, readAttr, setAttr, removeAttr, type JsxElement } from "./jsx";
import { speakerResolver, isLineVariant, LINE_VARIANTS, type SpeakerPluginOptions } from "./speakers";
import { splitIntoLines, readPrefix, stripPrefix } from "./dialogue-lines";

/**
 * Turns the `SPEAKER: text` lines inside <Dialogue> into explicit
 * <Line speaker="id"> elements, and checks every <Line> in the chapter, so the
 * renderer only ever sees resolved cast ids.
 */
export function remarkDialogue(options: SpeakerPluginOptions) {
  const resolve = speakerResolver(options.cast);
  const sourceLines = options.source.split("\n");
  const columnOf = (line: number) => {
    const text = sourceLines[line - 1] ?? "";
    return text.length - text.trimStart().length + 1;
  };
  const at = (line: number): Node => ({
    type: "text",
    position: { start: { line, column: columnOf(line) }, end: { line, column: columnOf(line) } },
  });

  return (tree: Root) => {
    visit(tree, (node) => {
      if (!isElementNamed(node, "Dialogue") || node.type !== "mdxJsxFlowElement") return;
      node.children = expandDialogue(node.children as RootContent[]) as MdxJsxFlowElement["children"];
    });
    visit(tree, (node) => {
      if (isElementNamed(node, "Line")) checkLine(node);
    });
  };

  function expandDialogue(children: RootContent[]): RootContent[] {
    const out: RootContent[] = [];
    let lastSpeaker: string | null = null;
    for (const child of children) {
      if (isElementNamed(child, "Line")) {
        lastSpeaker = resolveWritten(child) ?? lastSpeaker;
        out.push(child);
        continue;
      }
      if (child.type !== "paragraph") {
        out.push(child);
        continue;
      }
      for (const line of splitIntoLines(child.children, child.position?.start.line ?? 1)) {
        const only = line.children.filter((c) => !(c.type === "text" && c.value.trim() === ""));
        if (only.length === 1 && only[0] && isElementNamed(only[0], "Line")) {
          const inline = only[0] as JsxElement;
          lastSpeaker = resolveWritten(inline) ?? lastSpeaker;
          out.push({ ...inline, type: "mdxJsxFlowElement", children: inline.children } as MdxJsxFlowElement);
          continue;
        }
        const prefix = readPrefix(line);
        let speaker: string | null = lastSpeaker;
        let variant: string | undefined;
        let content: PhrasingContent[] = line.children;
        if (prefix) {
          speaker = resolve(prefix.speaker);
          if (!speaker) {
            options.report(at(line.line), `unknown speaker "${prefix.speaker}"; the cast is ${castList()}`);
            continue;
          }
          if (prefix.variant !== undefined && !isLineVariant(prefix.variant)) {
            options.report(at(line.line), `unknown line variant "(${prefix.variant})"; use ${LINE_VARIANTS.join(", ")}`);
          } else variant = prefix.variant;
          content = stripPrefix(line, prefix);
          lastSpeaker = speaker;
        } else if (!speaker) {
          options.report(at(line.line), `this dialogue line has no speaker: start it with "NAME: "`);
          continue;
        }
        const el: MdxJsxFlowElement = {
          type: "mdxJsxFlowElement",
          name: "Line",
          attributes: [{ type: "mdxJsxAttribute", name: "speaker", value: speaker }],
          children: trimEdges(content) as MdxJsxFlowElement["children"],
          position: { start: { line: line.line, column: columnOf(line.line) }, end: { line: line.line, column: columnOf(line.line) } },
        };
        if (variant) el.attributes.push({ type: "mdxJsxAttribute", name: "variant", value: variant });
        out.push(el);
      }
    }
    return out;
  }

  function resolveWritten(el: JsxElement): string | null {
    const attr = readAttr(el, "speaker");
    return attr.kind === "string" ? resolve(attr.value) : null;
  }

  function checkLine(el: JsxElement): void {
    const attr = readAttr(el, "speaker");
    if (attr.kind !== "string") {
      options.report(el, attr.kind === "missing" ? `<Line> needs speaker="…"` : `<Line> speaker must be a plain string in quotes`);
      return;
    }
    const id = resolve(attr.value);
    if (!id) {
      options.report(el, `unknown speaker "${attr.value}"; the cast is ${castList()}`);
      return;
    }
    setAttr(el, "speaker", id);
    const variant = readAttr(el, "variant");
    if (variant.kind === "missing") return;
    if (variant.kind !== "string" || !isLineVariant(variant.value.toLowerCase())) {
      options.report(el, `unknown line variant ${variant.kind === "string" ? `"${variant.value}"` : ""}; use ${LINE_VARIANTS.join(", ")}`);
      removeAttr(el, "variant");
      return;
    }
    setAttr(el, "variant", variant.value.toLowerCase());
  }

  function castList(): string {
    return Object.values(options.cast)
      .map((m) => `${m.id} (${m.name})`)
      .join(", ");
  }
}

function trimEdges(children: PhrasingContent[]): PhrasingContent[] {
  const out = [...children];
  const first = out[0];
  if (first?.type === "text") out[0] = { ...first, value: first.value.trimStart() };
  const last = out[out.length - 1];
  if (last?.type === "text") out[out.length - 1] = { ...last, value: last.value.trimEnd() };
  return out;
}
