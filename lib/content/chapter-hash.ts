import { createHash } from "node:crypto";
import type { Story } from "./types";

/**
 * Bump when the plugins or the component contract change, so chapters
 * compiled by an older engine are compiled again.
 */
export const COMPILER_VERSION = "2";

/** Hash of everything that shapes a chapter's compiled code. */
export function hashChapterInputs(text: string, story: Story): string {
  const cast = Object.values(story.cast)
    .map((m) => `${m.id}=${m.name}`)
    .sort()
    .join(",");
  return createHash("sha256").update(COMPILER_VERSION).update("\0").update(cast).update("\0").update(text).digest("hex").slice(0, 32);
}
