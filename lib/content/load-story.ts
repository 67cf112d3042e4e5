import { readFileSync, existsSync } from "node:fs";
import path from "node:path";
import type { Diagnostic, Story } from "./types";
import { storySchema, toStory } from "./story-schema";
import { diagnosticAt, positionAt } from "../yaml/yaml-file";
import { validateYaml } from "../yaml/yaml-diagnostics";

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
  const { yaml, value, diagnostics } = validateYaml(storySchema, text, file);
  if (!value) return { story: null, diagnostics };
  const story = toStory(value);
  story.arcs.forEach((arc, i) => {
    if (!(arc.from >= 1 && arc.to >= arc.from)) {
      const where = positionAt(yaml, ["arcs", i, "chapters"]);
      diagnostics.push(diagnosticAt(yaml, where, `arcs[${i}].chapters: "${arc.from}-${arc.to}" is not an ascending range`));
    }
  });
  return { story: diagnostics.length ? null : story, diagnostics };
}
