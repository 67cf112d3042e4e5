import { createHash } from "node:crypto";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Story } from "./types";
import { moduleGraph, sourceVersion } from "../source-version";

let compiler: string | undefined;

/**
 * A hash of the compiler (compile-chapter.ts and every module it imports: the
 * plugins, the frontmatter schema, the YAML reader) and of the packages they
 * use, so a chapter compiled by other code is compiled again. Computed on
 * first use, so code that only imports the types pays nothing.
 */
export function compilerVersion(): string {
  if (compiler === undefined) {
    const here = path.dirname(fileURLToPath(import.meta.url));
    compiler = sourceVersion(
      moduleGraph([path.join(/*turbopackIgnore: true*/ here, "compile-chapter.ts")]),
      path.resolve(/*turbopackIgnore: true*/ here, "..", ".."),
    );
  }
  return compiler;
}

/** Hash of everything that shapes a chapter's compiled code. */
export function hashChapterInputs(text: string, story: Story): string {
  const cast = Object.values(story.cast)
    .map((m) => `${m.id}=${m.name}`)
    .sort()
    .join(",");
  return createHash("sha256").update(compilerVersion()).update("\0").update(cast).update("\0").update(text).digest("hex").slice(0, 32);
}
