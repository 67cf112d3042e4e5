import type { Diagnostic } from "./types";
import { CHAPTER_CARD, isReservedName } from "../site/routes";

// Links between chapters are checked against the chapters that exist, so a
// renamed or mistyped slug is caught before readers meet a 404. External links
// are left alone. Links are found by scanning the chapter text (markdown links,
// reference definitions and href attributes), skipping MDX comments and code.

export interface LinkTarget {
  /** The URL as written. */
  url: string;
  /** Position of the URL in the file, 1-based. */
  line: number;
  column: number;
}

export interface KnownChapter {
  number: number;
  slug: string;
}

/** Replaces every character of `text[start, end)` except newlines with spaces, keeping offsets. */
function blank(text: string, start: number, end: number): string {
  return text.slice(0, start) + text.slice(start, end).replace(/[^\n]/g, " ") + text.slice(end);
}

/** The text with MDX comments, fenced code and inline code blanked out, offsets unchanged. */
export function maskNonLinks(text: string): string {
  let out = text;
  for (const re of [
    /\{\/\*[\s\S]*?\*\/\}/g,
    /^[ \t]{0,3}(`{3,}|~{3,})[^\n]*\n[\s\S]*?(?:^[ \t]{0,3}\1[ \t]*$|(?![\s\S]))/gm,
    /`[^`\n]+`/g,
  ]) {
    for (const m of out.matchAll(re)) out = blank(out, m.index, m.index + m[0].length);
  }
  return out;
}

/** Every link target written in a chapter, with its position. */
export function findLinks(text: string): LinkTarget[] {
  const masked = maskNonLinks(text);
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === "\n") lineStarts.push(i + 1);
  const position = (offset: number) => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lineStarts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - lineStarts[lo]! + 1 };
  };
  const found: LinkTarget[] = [];
  const patterns: RegExp[] = [
    // [text](url "title") and ![alt](url); <url> allowed.
    /\]\(\s*<?([^\s)>]+)/g,
    // [ref]: url
    /^[ \t]{0,3}\[[^\]\n]+\]:[ \t]*<?([^\s>]+)/gm,
    // href="url", href='url', href={"url"}
    /\bhref\s*=\s*\{?\s*["']([^"'\n]*)["']/g,
  ];
  for (const re of patterns) {
    for (const m of masked.matchAll(re)) {
      const url = m[1]!;
      const offset = m.index + m[0].lastIndexOf(url);
      found.push({ url, ...position(offset) });
    }
  }
  return found.sort((a, b) => a.line - b.line || a.column - b.column);
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

/** Every broken chapter link in one chapter's text, as diagnostics in `file`. */
export function checkLinks(text: string, file: string, chapters: readonly KnownChapter[]): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const link of findLinks(text)) {
    const problem = linkProblem(link.url, chapters);
    if (problem) diagnostics.push({ file, line: link.line, column: link.column, severity: "error", message: problem });
  }
  return diagnostics;
}
