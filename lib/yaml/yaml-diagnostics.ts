import type { z } from "zod";
import type { Diagnostic } from "../content/types";
import { locateOffset } from "./yaml-source";
import { diagnosticAt, readYamlFile, type YamlFile, type YamlFileOptions } from "./yaml-file";
import { issueDiagnostics } from "./zod-issues";

// Every YAML file the engine reads (story.yaml, schedule.yaml, notify.yaml, a
// chapter's frontmatter) reports its problems the same way: at the file, line
// and column of the node that caused them, in the same words.

/** One diagnostic per YAML syntax error, quoting the text it stopped at. */
function syntaxDiagnostics(yaml: YamlFile): Diagnostic[] {
  return yaml.doc.errors.map((e) => {
    const { line, column } = locateOffset(yaml, e.pos[0]);
    const first = (e.message.split("\n")[0] ?? e.message).replace(/ at line \d+, column \d+:?$/, "");
    const excerpt = yaml.text.slice(e.pos[0], e.pos[1]).trim();
    return diagnosticAt(
      yaml,
      { line: line + yaml.lineOffset, column },
      `YAML syntax error: ${first}${excerpt ? ` (at "${excerpt}")` : ""}`,
    );
  });
}

export interface ValidatedYaml<T> {
  yaml: YamlFile;
  /** The document as plain data (undefined when the YAML does not parse). */
  data: unknown;
  /** The schema's output, or null when the YAML or the schema found a problem. */
  value: T | null;
  diagnostics: Diagnostic[];
}

/** Parses `text` and validates it with `schema`; every problem is located in `file`. */
export function validateYaml<S extends z.ZodType>(
  schema: S,
  text: string,
  file: string,
  options: YamlFileOptions = {},
): ValidatedYaml<z.output<S>> {
  const yaml = readYamlFile(text, file, options);
  if (yaml.doc.errors.length > 0) return { yaml, data: undefined, value: null, diagnostics: syntaxDiagnostics(yaml) };
  // An empty document is an empty map, so the schema names every key it needs.
  const data: unknown = yaml.doc.toJS() ?? {};
  const result = schema.safeParse(data);
  if (result.success) return { yaml, data, value: result.data, diagnostics: [] };
  return { yaml, data, value: null, diagnostics: issueDiagnostics(yaml, data, schema, result.error.issues) };
}
