import type { ChapterResult, Diagnostic, LinkTarget } from "./types";
import { CHAPTER_CARD, isReservedName } from "../site/routes";

// Links between chapters are checked against the chapters that exist, so a
// renamed or mistyped slug is caught before readers meet a 404. External links
// are left alone. The links themselves come from the compiled tree
// (plugins/remark-links.ts), so code and comments are never mistaken for links.

export interface KnownChapter {
  number: number;
  slug: string;
}

const RELATIVE_CHAPTER = /^(?:\.\.?\/)+(\d{1,4})-([a-z0-9]+(?:-[a-z0-9]+)*)(?:\.mdx|\/index\.mdx|\/)?$/;

/**
 * Why a link target is broken, or null when it is fine. Links to a chapter
 * are `/slug` (the chapter's URL) or a relative path to its file
 * (`./NN-slug`, `../NN-slug/index.mdx`); anything with a scheme is external.
 */
export function linkProblem(url: string, chapters: readonly KnownChapter[]): string | null {
  if (url === "" || url.startsWith("#") || url.startsWith("?")) return null;
  if (/^[a-z][a-z0-9+.-]*:/i.test(url) || url.startsWith("//")) return null;
  const bySlug = new Map(chapters.map((c) => [c.slug, c]));
  const pathPart = url.split(/[?#]/)[0]!;
  if (pathPart.startsWith("/")) {
    const segments = pathPart.split("/").filter((s) => s !== "");
    if (segments.length === 0) return null; // the home page
    const [first, ...rest] = segments;
    if (isReservedName(first!)) return null;
    const chapter = bySlug.get(first!);
    if (chapter) {
      if (rest.length === 0 || (rest.length === 1 && rest[0] === CHAPTER_CARD)) return null;
      return `broken link "${url}": chapter "${first}" has no page "/${rest.join("/")}"; link to /${first}`;
    }
    const numbered = /^\d{1,4}-(.+)$/.exec(first!);
    const hint = numbered && bySlug.has(numbered[1]!) ? `; the chapter's URL is /${numbered[1]}` : suggestion(first!, chapters);
    return `broken link "${url}": no chapter has the slug "${first}"${hint}`;
  }
  const rel = RELATIVE_CHAPTER.exec(pathPart);
  if (rel) {
    const number = Number(rel[1]);
    const slug = rel[2]!;
    const chapter = bySlug.get(slug);
    if (!chapter) return `broken link "${url}": no chapter has the slug "${slug}"${suggestion(slug, chapters)}`;
    if (chapter.number !== number) return `broken link "${url}": chapter "${slug}" is number ${chapter.number}, not ${number}`;
    return null;
  }
  return null;
}

function suggestion(slug: string, chapters: readonly KnownChapter[]): string {
  let best: KnownChapter | null = null;
  let bestDistance = Infinity;
  for (const c of chapters) {
    const d = editDistance(slug, c.slug);
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  return best && bestDistance <= Math.max(2, Math.floor(slug.length / 3)) ? `; did you mean /${best.slug}?` : "";
}

function editDistance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0]!;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = prev[j]!;
      prev[j] = Math.min(prev[j]! + 1, prev[j - 1]! + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = tmp;
    }
  }
  return prev[b.length]!;
}

/** Every broken chapter link among `links`, as diagnostics in `file`. */
export function checkLinks(links: readonly LinkTarget[], file: string, chapters: readonly KnownChapter[]): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const link of links) {
    const problem = linkProblem(link.url, chapters);
    if (problem) diagnostics.push({ file, line: link.line, column: link.column, severity: "error", message: problem });
  }
  return diagnostics;
}

/** Every broken link between the given chapters (those that failed too, when they parsed). */
export function checkChapterLinks(chapters: readonly ChapterResult[]): Diagnostic[] {
  const known = chapters.map((c) => (c.ok ? c.chapter.source : c.source)).map((s) => ({ number: s.number, slug: s.slug }));
  return chapters.flatMap((c) =>
    c.ok ? checkLinks(c.chapter.links, c.chapter.source.file, known) : checkLinks(c.links ?? [], c.source.file, known),
  );
}
