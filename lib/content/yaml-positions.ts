import { keyNodeAt, locateNode, locateOffset, nodeAt, parseYamlSource, type YamlSource } from "../yaml/yaml-source";

// Lets a schema error point at the YAML node that caused it, so config errors
// name file:line:column like content errors do.

export interface ParsedYaml extends YamlSource {
  /** Parse errors from the YAML syntax itself, already located. */
  syntaxErrors: { line: number; column: number; message: string }[];
}

export function parseYamlWithPositions(text: string): ParsedYaml {
  const src = parseYamlSource(text);
  const syntaxErrors = src.doc.errors.map((e) => ({
    ...locateOffset(src, e.pos[0]),
    message: e.message.split("\n")[0] ?? e.message,
  }));
  return { ...src, syntaxErrors };
}

/** Line and column of the node at `path` (or of its closest existing parent). */
export function positionOf(parsed: ParsedYaml, path: readonly PropertyKey[]): { line: number; column: number } {
  const { line, column } = locateNode(parsed, nodeAt(parsed, path));
  return { line, column };
}

/** Line and column of the key named by the last element of `path`. */
export function keyPositionOf(parsed: ParsedYaml, path: readonly PropertyKey[]): { line: number; column: number } {
  const parent = path.slice(0, -1);
  const key = keyNodeAt(parsed, parent, String(path[path.length - 1]));
  if (!key) return positionOf(parsed, parent);
  const { line, column } = locateNode(parsed, key);
  return { line, column };
}
