import type { PhrasingContent } from "mdast";

// Splits the inline content of a paragraph into source lines, so that
// "NINE: hi\nTEN: hello" becomes two lines. A speaker prefix is recognised
// only at the start of a line.

export interface SourceLine {
  children: PhrasingContent[];
  /** 1-based line in the file where this line starts. */
  line: number;
}

export function splitIntoLines(children: PhrasingContent[], startLine: number): SourceLine[] {
  const lines: SourceLine[] = [{ children: [], line: startLine }];
  let current = lines[0]!;
  const newLine = (line: number) => {
    current = { children: [], line };
    lines.push(current);
  };
  for (const child of children) {
    if (child.type === "break") {
      newLine(child.position?.end.line ?? current.line);
      continue;
    }
    if (child.type !== "text" || !child.value.includes("\n")) {
      if (current.children.length === 0 && child.position) current.line = child.position.start.line;
      current.children.push(child);
      continue;
    }
    const parts = child.value.split("\n");
    let line = child.position?.start.line ?? current.line;
    parts.forEach((part, i) => {
      if (i > 0) {
        line += 1;
        newLine(line);
      }
      if (part.length > 0) current.children.push({ type: "text", value: part });
    });
  }
  return lines.filter((l) => l.children.some((c) => c.type !== "text" || c.value.trim() !== ""));
}

// `NAME: text` or `NAME (radio): text`; the name is one word.
const PREFIX = /^\s*([A-Za-z0-9_-]+)(?:[ \t]*\(([^)]*)\))?:(?:[ \t]+|$)/;

export interface Prefix {
  speaker: string;
  variant: string | undefined;
  length: number;
}

export function readPrefix(line: SourceLine): Prefix | null {
  const first = line.children[0];
  if (!first || first.type !== "text") return null;
  const m = PREFIX.exec(first.value);
  if (!m) return null;
  return { speaker: m[1]!, variant: m[2]?.trim().toLowerCase(), length: m[0].length };
}

/** Removes the prefix text from the line's first text node. */
export function stripPrefix(line: SourceLine, prefix: Prefix): PhrasingContent[] {
  const [first, ...rest] = line.children;
  if (!first || first.type !== "text") return line.children;
  const remaining = first.value.slice(prefix.length);
  return remaining.length > 0 ? [{ ...first, value: remaining }, ...rest] : rest;
}
