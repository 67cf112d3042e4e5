import { readFileSync } from "node:fs";
import { parse } from "yaml";

// Reads a chapter's `title:` from its frontmatter, for the editor's tools.

/** The frontmatter title of a chapter file, or null when it has none or cannot be read. */
function readChapterTitle(file: string): string | null {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch {
    return null;
  }
  return titleFromSource(text);
}

function titleFromSource(text: string): string | null {
  const m = /^\uFEFF?---\r?\n([\s\S]*?)\r?\n---\s*(?:\r?\n|$)/.exec(text);
  if (!m) return null;
  try {
    const data: unknown = parse(m[1]!, { schema: "core" });
    if (typeof data === "object" && data !== null && "title" in data) {
      const title = (data as { title: unknown }).title;
      if (typeof title === "string" && title.trim() !== "") return title.trim();
      if (typeof title === "number") return String(title);
    }
  } catch {
    return null;
  }
  return null;
}

export function readChapterTitles(chapters: readonly { number: number; file: string }[]): Map<number, string | null> {
  return new Map(chapters.map((c) => [c.number, readChapterTitle(c.file)]));
}
