import { readFileSync, existsSync } from "node:fs";
import path from "node:path";
import type { Diagnostic, Story } from "./types";
import { storySchema, toStory } from "./story-schema";
import { parseYamlWithPositions, positionOf } from "./yaml-positions";

export interface LoadedStory {
  story: Story | null;
  diagnostics: Diagnostic[];
}

/** Reads and validates `story.yaml`; every problem is located in the file. */
export function loadStory(root: string): LoadedStory {
  const file = path.join(path.resolve(root), "story.yaml");
  if (!existsSync(file)) {
    return { story: null, diagnostics: [{ file, line: 1, column: 1, severity: "error", message: "story.yaml is missing" }] };
  }
  return parseStory(readFileSync(file, "utf8"), file);
}

export function parseStory(text: string, file: string): LoadedStory {
  const parsed = parseYamlWithPositions(text);
  if (parsed.syntaxErrors.length > 0) {
    return {
      story: null,
      diagnostics: parsed.syntaxErrors.map((e) => ({ file, ...e, severity: "error" as const, message: `YAML: ${e.message}` })),
    };
  }
  const result = storySchema.safeParse(parsed.doc.toJS());
  if (!result.success) {
    const diagnostics = result.error.issues.map((issue): Diagnostic => {
      const where = positionOf(parsed, issue.path);
      const keyPath = issue.path.join(".");
      const value = valueAt(parsed.doc.toJS(), issue.path);
      const shown = value === undefined ? "" : ` (got ${JSON.stringify(value)})`;
      return { file, ...where, severity: "error", message: `${keyPath ? keyPath + ": " : ""}${issue.message}${shown}` };
    });
    return { story: null, diagnostics };
  }
  const story = toStory(result.data);
  const diagnostics: Diagnostic[] = [];
  story.arcs.forEach((arc, i) => {
    if (!(arc.from >= 1 && arc.to >= arc.from)) {
      diagnostics.push({
        file,
        ...positionOf(parsed, ["arcs", i, "chapters"]),
        severity: "error",
        message: `arcs.${i}.chapters: "${arc.from}-${arc.to}" is not an ascending range`,
      });
    }
  });
  return { story: diagnostics.length ? null : story, diagnostics };
}

function valueAt(obj: unknown, keys: readonly PropertyKey[]): unknown {
  let cur: unknown = obj;
  for (const k of keys) {
    if (cur === null || typeof cur !== "object") return undefined;
    cur = (cur as Record<PropertyKey, unknown>)[k];
  }
  return typeof cur === "object" ? undefined : cur;
}
