import { LineCounter, parseDocument, isMap, isScalar, isSeq, type Document, type Node, type Pair } from "yaml";

// A parsed YAML file that remembers where every node came from, so config
// errors can name file:line:column and quote the text the author wrote.

export interface YamlSource {
  text: string;
  doc: Document.Parsed;
  lines: LineCounter;
}

export function parseYamlSource(text: string): YamlSource {
  const lines = new LineCounter();
  // The core schema keeps 2027-07-05T09:00 a string (YAML 1.1 would make it a Date).
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, schema: "core", keepSourceTokens: false });
  return { text, doc, lines };
}

export interface Located {
  line: number;
  column: number;
  /** The source text of the node, for quoting in messages. */
  source: string | null;
}

export function locateOffset(src: YamlSource, offset: number): { line: number; column: number } {
  const pos = src.lines.linePos(offset);
  return { line: pos.line, column: pos.col };
}

export function locateNode(src: YamlSource, node: Node | null | undefined): Located {
  if (!node?.range) return { line: 1, column: 1, source: null };
  const [start, valueEnd] = node.range;
  return { ...locateOffset(src, start), source: src.text.slice(start, valueEnd) };
}

/** The node at `path`, or the closest parent that exists. */
export function nodeAt(src: YamlSource, path: readonly PropertyKey[]): Node | null {
  let node: unknown = src.doc.contents;
  for (const key of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(key));
      if (!pair) break;
      node = pair.value ?? pair.key;
    } else if (isSeq(node) && typeof key === "number") {
      const next = node.items[key];
      if (!next) break;
      node = next;
    } else break;
  }
  return (node as Node | null) ?? null;
}

/** The key node of `key` in the map at `path`. */
export function keyNodeAt(src: YamlSource, path: readonly PropertyKey[], key: string): Node | null {
  const map = nodeAt(src, path);
  if (!isMap(map)) return null;
  const pair = map.items.find((p: Pair) => isScalar(p.key) && String(p.key.value) === key);
  return (pair?.key as Node | undefined) ?? null;
}
