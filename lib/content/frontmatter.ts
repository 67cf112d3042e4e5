import { z } from "zod";
import type { Diagnostic, Frontmatter } from "./types";
import { chapterNoteSchema, recapSchema, warningsSchema } from "./framing-schema";
import { keyPositionOf, parseYamlWithPositions, positionOf } from "./yaml-positions";

export const frontmatterSchema = z.strictObject({
  title: z.string({ message: "title is required" }).min(1, { message: "title is required" }),
  summary: z.string().optional(),
  cover: z.string().optional(),
  warnings: warningsSchema.optional(),
  note: chapterNoteSchema.optional(),
  recap: recapSchema.optional(),
});

const ALLOWED_KEYS = Object.keys(frontmatterSchema.shape).join(", ");

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
  const parsed = parseYamlWithPositions(match[1] ?? "");
  // The YAML starts on the line after the opening ---.
  const shift = (p: { line: number; column: number }) => ({ line: p.line + 1, column: p.column });
  const lineOf = (key: string) => shift(positionOf(parsed, [key]));
  if (parsed.syntaxErrors.length) {
    return {
      frontmatter: null,
      diagnostics: parsed.syntaxErrors.map((e) => ({
        file,
        ...shift(e),
        severity: "error" as const,
        message: `frontmatter: ${e.message}`,
      })),
      lineOf,
    };
  }
  const data: unknown = parsed.doc.toJS() ?? {};
  const result = frontmatterSchema.safeParse(data);
  if (!result.success) {
    return {
      frontmatter: null,
      diagnostics: result.error.issues.map((issue) => {
        const unknownKey = issue.code === "unrecognized_keys" ? issue.keys[0] : undefined;
        const where = unknownKey
          ? shift(keyPositionOf(parsed, [...issue.path, unknownKey]))
          : issue.path.length
            ? shift(positionOf(parsed, issue.path))
            : { line: 1, column: 1 };
        const message =
          issue.code === "unrecognized_keys"
            ? `frontmatter: unknown key${issue.keys.length > 1 ? "s" : ""} ${issue.keys.map((k) => `"${k}"`).join(", ")}; allowed: ${ALLOWED_KEYS}`
            : `frontmatter: ${issue.path.join(".") || "block"}: ${issue.message}`;
        return { file, ...where, severity: "error" as const, message };
      }),
      lineOf,
    };
  }
  return { frontmatter: result.data, diagnostics: [], lineOf };
}
