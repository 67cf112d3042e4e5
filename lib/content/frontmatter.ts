import { z } from "zod";
import type { Diagnostic, Frontmatter } from "./types";
import { chapterNoteSchema, recapSchema, warningsSchema } from "./framing-schema";
import { positionAt } from "../yaml/yaml-file";
import { validateYaml } from "../yaml/yaml-diagnostics";

const frontmatterSchema = z.strictObject({
  title: z.string({ message: "a chapter needs a title" }).min(1, { message: "a chapter needs a title" }),
  summary: z.string().optional(),
  cover: z.string().optional(),
  warnings: warningsSchema.optional(),
  note: chapterNoteSchema.optional(),
  recap: recapSchema.optional(),
});

export interface ParsedFrontmatter {
  frontmatter: Frontmatter | null;
  diagnostics: Diagnostic[];
  /** Line of each key, so later checks (the cover file) can point at it. */
  lineOf: (key: string) => { line: number; column: number };
}

const BLOCK = /^---\r?\n([\s\S]*?)\r?\n---(?:\r?\n|$)/;

/** Parses the `---` block at the top of a chapter; positions are file positions. */
export function parseFrontmatter(source: string, file: string): ParsedFrontmatter {
  const match = BLOCK.exec(source);
  if (!match) {
    return {
      frontmatter: null,
      diagnostics: [{ file, line: 1, column: 1, severity: "error", message: "a chapter starts with frontmatter: ---\\ntitle: …\\n---" }],
      lineOf: () => ({ line: 1, column: 1 }),
    };
  }
  // The YAML starts on the line after the opening ---.
  const { yaml, value, diagnostics } = validateYaml(frontmatterSchema, match[1] ?? "", file, { lineOffset: 1, prefix: "frontmatter: " });
  return { frontmatter: value, diagnostics, lineOf: (key: string) => positionAt(yaml, [key]) };
}
