import { readdirSync, statSync, existsSync } from "node:fs";
import path from "node:path";
import type { ChapterSource, Diagnostic } from "./types";

// NN-slug.mdx or NN-slug/index.mdx; NN is the chapter number.
const CHAPTER_NAME = /^(\d{1,4})-([a-z0-9]+(?:-[a-z0-9]+)*)$/;

/** Paths the site itself answers at; a chapter there could never be reached. */
export const RESERVED_SLUGS = new Set(["media", "editor", "404", "500", "api"]);

export interface FoundChapters {
  chapters: ChapterSource[];
  diagnostics: Diagnostic[];
}

/** Lists the chapters of a content root, sorted by number. Never reads their text. */
export function findChapters(root: string): FoundChapters {
  const chapters: ChapterSource[] = [];
  const diagnostics: Diagnostic[] = [];
  const absRoot = path.resolve(root);
  for (const entry of readdirSync(absRoot).sort()) {
    if (entry.startsWith(".") || entry.startsWith("_")) continue;
    const abs = path.join(absRoot, entry);
    const isDir = statSync(abs).isDirectory();
    const base = isDir ? entry : entry.replace(/\.mdx$/, "");
    if (!isDir && !entry.endsWith(".mdx")) continue;
    const match = CHAPTER_NAME.exec(base);
    if (!match) {
      if (isDir && !existsSync(path.join(abs, "index.mdx"))) continue;
      diagnostics.push(problem(abs, `"${entry}" is not a chapter name: use NN-slug (lowercase letters, digits and dashes)`));
      continue;
    }
    if (RESERVED_SLUGS.has(match[2]!)) {
      diagnostics.push(problem(abs, `slug "${match[2]}" is reserved by the site; rename "${entry}"`));
      continue;
    }
    const file = isDir ? path.join(abs, "index.mdx") : abs;
    if (isDir && !existsSync(file)) continue;
    chapters.push({
      number: Number(match[1]),
      slug: match[2] as string,
      file,
      relPath: path.relative(absRoot, file).split(path.sep).join("/"),
      dir: path.dirname(file),
    });
  }
  chapters.sort((a, b) => a.number - b.number);
  for (let i = 1; i < chapters.length; i++) {
    const prev = chapters[i - 1]!;
    const cur = chapters[i]!;
    if (prev.number === cur.number) {
      diagnostics.push(problem(cur.file, `chapter number ${cur.number} is used twice (${prev.relPath} and ${cur.relPath})`));
    }
  }
  const slugs = new Map<string, ChapterSource>();
  for (const c of chapters) {
    const other = slugs.get(c.slug);
    if (other) diagnostics.push(problem(c.file, `slug "${c.slug}" is used twice (${other.relPath} and ${c.relPath})`));
    slugs.set(c.slug, c);
  }
  return { chapters, diagnostics };
}

function problem(file: string, message: string): Diagnostic {
  return { file, line: 1, column: 1, message, severity: "error" };
}
