import type { Diagnostic, Severity } from "../content/types";
import { keyNodeAt, locateNode, nodeAt, parseYamlSource, type YamlSource } from "./yaml-source";

// A YAML file that knows its name and where it sits in its file, so every
// problem found in it (by its schema or by later checks) names file:line:column.

export interface YamlFile extends YamlSource {
  file: string;
  /** Lines of the file before the YAML starts (the frontmatter's opening `---`). */
  lineOffset: number;
  /** Put before every message, e.g. "frontmatter: ". */
  prefix: string;
}

export interface YamlFileOptions {
  lineOffset?: number;
  prefix?: string;
}

export function readYamlFile(text: string, file: string, options: YamlFileOptions = {}): YamlFile {
  return { ...parseYamlSource(text), file, lineOffset: options.lineOffset ?? 0, prefix: options.prefix ?? "" };
}

export type Position = { line: number; column: number };

/** The position of the node at `path`, or of its closest existing parent. */
export function positionAt(yaml: YamlFile, path: readonly PropertyKey[]): Position {
  const { line, column } = locateNode(yaml, nodeAt(yaml, path));
  return { line: line + yaml.lineOffset, column };
}

/** The position of the key `key` of the map at `path` (of the map when the key is absent). */
export function keyPositionAt(yaml: YamlFile, path: readonly PropertyKey[], key: string): Position {
  const node = keyNodeAt(yaml, path, key);
  if (!node) return positionAt(yaml, path);
  const { line, column } = locateNode(yaml, node);
  return { line: line + yaml.lineOffset, column };
}

export function diagnosticAt(yaml: YamlFile, where: Position, message: string, severity: Severity = "error"): Diagnostic {
  return { file: yaml.file, ...where, severity, message: yaml.prefix + message };
}
