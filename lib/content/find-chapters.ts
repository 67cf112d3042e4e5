import { readdirSync, statSync, existsSync } from "node:fs";
import path from "node:path";
import type { ChapterSource, Diagnostic } from "./types";
import { isReservedName } from "../site/routes";

// NN-slug.mdx or NN-slug/index.mdx; NN is the chapter number.
const CHAPTER_NAME = /^(\d{1,4})-([a-z0-9]+(?:-[a-z0-9]+)*)$/;

export interface FoundChapters {
  /** Every chapter file, sorted by number, including those in `conflicts`. */
  chapters: ChapterSource[];
  /**
   * Files that share their number or slug with another file, by absolute path,
   * with the problems that name them. Visibility is decided by number and
   * URLs by slug, so none of these files may be published: a second file
   * numbered like a released chapter would otherwise be released with it.
   */
  conflicts: Map<string, Diagnostic[]>;
  /** Every problem, the conflicts' included. */
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
    if (isReservedName(match[2]!)) {
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
  const conflicts = new Map<string, Diagnostic[]>();
  const report = (groups: Map<string | number, ChapterSource[]>, what: (key: string | number) => string, fix: string) => {
    for (const [key, files] of groups) {
      if (files.length < 2) continue;
      const names = files.map((f) => f.relPath).sort();
      const list = `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;
      const times = files.length === 2 ? "twice" : `${files.length} times`;
      const none = files.length === 2 ? "neither file is published" : "none of these files is published";
      for (const f of files) {
        const d = problem(f.file, `${what(key)} is used ${times} (${list}): ${none} until ${fix}`);
        diagnostics.push(d);
        conflicts.set(f.file, [...(conflicts.get(f.file) ?? []), d]);
      }
    }
  };
  report(
    groupBy(chapters, (c) => c.number),
    (n) => `chapter number ${n}`,
    "each has its own number",
  );
  report(
    groupBy(chapters, (c) => c.slug),
    (slug) => `slug "${slug}"`,
    "each has its own slug",
  );
  return { chapters, conflicts, diagnostics };
}

function groupBy(chapters: ChapterSource[], key: (c: ChapterSource) => string | number): Map<string | number, ChapterSource[]> {
  const groups = new Map<string | number, ChapterSource[]>();
  for (const c of chapters) groups.set(key(c), [...(groups.get(key(c)) ?? []), c]);
  return groups;
}

function problem(file: string, message: string): Diagnostic {
  return { file, line: 1, column: 1, message, severity: "error" };
}
