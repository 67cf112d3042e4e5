import { LineCounter, parseDocument, isMap, isScalar, isSeq, type Document, type Node } from "yaml";

// Lets a schema error point at the YAML node that caused it, so config errors
// name file:line:column like content errors do.

export interface ParsedYaml {
  doc: Document.Parsed;
  lines: LineCounter;
  /** Parse errors from the YAML syntax itself, already located. */
  syntaxErrors: { line: number; column: number; message: string }[];
}

export function parseYamlWithPositions(text: string): ParsedYaml {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, schema: "core" });
  const syntaxErrors = doc.errors.map((e) => {
    const pos = lines.linePos(e.pos[0]);
    return { line: pos.line, column: pos.col, message: e.message.split("\n")[0] ?? e.message };
  });
  return { doc, lines, syntaxErrors };
}

/** Line and column of the key named by the last element of `path`. */
export function keyPositionOf(parsed: ParsedYaml, path: readonly PropertyKey[]): { line: number; column: number } {
  const parentPath = path.slice(0, -1);
  const key = path[path.length - 1];
  let node: unknown = parsed.doc.contents;
  for (const k of parentPath) {
    if (isMap(node)) node = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(k))?.value;
    else if (isSeq(node) && typeof k === "number") node = node.items[k];
  }
  if (isMap(node)) {
    const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(key));
    const offset = (pair?.key as Node | undefined)?.range?.[0];
    if (offset !== undefined) {
      const pos = parsed.lines.linePos(offset);
      return { line: pos.line, column: pos.col };
    }
  }
  return positionOf(parsed, parentPath);
}

/** Line and column of the node at `path` (or of its closest existing parent). */
export function positionOf(parsed: ParsedYaml, path: readonly PropertyKey[]): { line: number; column: number } {
  let node: unknown = parsed.doc.contents;
  let best: Node | null = (node as Node | null) ?? null;
  for (const key of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(key));
      if (!pair) break;
      node = pair.value ?? pair.key;
      best = (pair.value as Node | null) ?? (pair.key as Node);
    } else if (isSeq(node) && typeof key === "number") {
      node = node.items[key];
      if (!node) break;
      best = node as Node;
    } else break;
  }
  const offset = best?.range?.[0] ?? 0;
  const pos = parsed.lines.linePos(offset);
  return { line: pos.line, column: pos.col };
}
