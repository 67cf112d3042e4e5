// Shared shapes of the content pipeline. Everything here is plain data so the
// CLIs, the server and the tests agree without importing React or Next.

export type Lane = 0 | 1 | 2 | 3;

export interface CastMember {
  id: string;
  name: string;
  /** CSS hex colour, e.g. "#ff6767". */
  color: string;
  /** Indent step, as 17776 indents each probe differently. */
  lane: Lane;
}

export interface Arc {
  title: string;
  /** Inclusive chapter-number range parsed from "1-12". */
  from: number;
  to: number;
}

export interface Story {
  title: string;
  description: string;
  language: string;
  siteUrl: string;
  cast: Record<string, CastMember>;
  arcs: Arc[];
  revealUpcomingTitles: boolean;
  /** Author's note shown after every chapter unless the chapter sets its own or `note: false` (markdown). */
  note?: string | null;
  /** A story-level notice (hiatus, announcement): not a chapter; shown on the home page while on. */
  notice?: StoryNotice | null;
}

export interface StoryNotice {
  kind: "hiatus" | "announcement";
  /** Markdown. */
  text: string;
  /** Epoch ms from which the notice shows, or null for always. */
  from: number | null;
  /** Epoch ms from which the notice no longer shows, or null for never. */
  until: number | null;
}

/** A chapter file found on disk, before it is read. */
export interface ChapterSource {
  number: number;
  slug: string;
  /** Absolute path of the .mdx file. */
  file: string;
  /** Path of the .mdx file relative to the content root, with forward slashes. */
  relPath: string;
  /** Absolute folder that relative media paths resolve against. */
  dir: string;
}

export interface Frontmatter {
  title: string;
  summary?: string | undefined;
  /** Path relative to the chapter, resolved to a content-root path at compile time. */
  cover?: string | undefined;
  /** Short content warnings, shown before the chapter. */
  warnings?: string[] | undefined;
  /** Author's note after the chapter (markdown); false leaves out the story's default note. */
  note?: string | false | undefined;
  /** "Previously": markdown shown (collapsed) before the chapter. */
  recap?: string | undefined;
}

export type Severity = "error" | "warning";

/** One problem, located in a file, printed as `file:line:column  message`. */
export interface Diagnostic {
  /** Absolute path of the file the problem is in. */
  file: string;
  line: number;
  column: number;
  message: string;
  severity: Severity;
}

export type MediaKind = "gif" | "still" | "cover";

/** A media file a chapter uses; `path` is relative to the content root (posix). */
export interface MediaRef {
  kind: MediaKind;
  path: string;
  abs: string;
}

/** A link target written in a chapter, at the position of the link (1-based). */
export interface LinkTarget {
  /** The URL as written. */
  url: string;
  line: number;
  column: number;
}

export interface CompiledChapter {
  source: ChapterSource;
  frontmatter: Frontmatter;
  /** mdx-bundler output; evaluated on the server only. */
  code: string;
  media: MediaRef[];
  /** Hash of every input that shaped `code`. */
  hash: string;
  /** Plain text of the chapter, for feeds and search snippets. */
  excerpt: string;
  /** Every link target it writes, checked against the other chapters by `npm run check`. */
  links: LinkTarget[];
}

export type ChapterResult =
  | { ok: true; chapter: CompiledChapter; warnings: Diagnostic[] }
  /** `links` is there when the chapter parsed, so its links are checked even while it has other errors. */
  | { ok: false; source: ChapterSource; diagnostics: Diagnostic[]; links?: LinkTarget[] };
