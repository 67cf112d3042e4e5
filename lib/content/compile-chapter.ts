import { readFileSync } from "node:fs";
import { bundleMDX } from "mdx-bundler";
import type { ChapterResult, ChapterSource, Diagnostic, LinkTarget, MediaRef, Story } from "./types";
import { parseFrontmatter } from "./frontmatter";
import { resolveMediaPath, STILL_EXTENSIONS } from "./resolve-media-path";
import type { Reporter } from "./plugins/jsx";
import { remarkNoEsm } from "./plugins/remark-no-esm";
import { remarkLinks } from "./plugins/remark-links";
import { remarkKnownComponents } from "./plugins/remark-known-components";
import { remarkDialogue } from "./plugins/remark-dialogue";
import { remarkMedia } from "./plugins/remark-media";
import { remarkScrolly } from "./plugins/remark-scrolly";
import { remarkYouTube } from "./plugins/remark-youtube";
import { remarkPause } from "./plugins/remark-pause";
import { remarkExcerpt } from "./plugins/remark-excerpt";
import { remarkTyping } from "./plugins/remark-typing";
import { remarkAnchors } from "./plugins/remark-anchors";
import { remarkTables } from "./plugins/remark-tables";
import { hashChapterInputs } from "./chapter-hash";

export interface CompileInput {
  source: ChapterSource;
  story: Story;
  root: string;
  /** The chapter's text; read from `source.file` when omitted. */
  text?: string;
}

/** Compiles one chapter. Never throws for bad content: problems come back as diagnostics. */
export async function compileChapter(input: CompileInput): Promise<ChapterResult> {
  const { source, story, root } = input;
  const text = input.text ?? readFileSync(source.file, "utf8");
  const diagnostics: Diagnostic[] = [];
  const report: Reporter = (node, message, severity = "error") => {
    const start = node?.position?.start;
    diagnostics.push({ file: source.file, line: start?.line ?? 1, column: start?.column ?? 1, message, severity });
  };

  const fm = parseFrontmatter(text, source.file);
  diagnostics.push(...fm.diagnostics);
  const media: MediaRef[] = [];
  let cover: string | undefined;
  if (fm.frontmatter?.cover) {
    const resolved = resolveMediaPath(fm.frontmatter.cover, source.dir, root, STILL_EXTENSIONS);
    if (resolved.ok) {
      cover = resolved.rel;
      media.push({ kind: "cover", path: resolved.rel, abs: resolved.abs });
    } else {
      diagnostics.push({ file: source.file, ...fm.lineOf("cover"), severity: "error", message: `cover: ${resolved.message}` });
    }
  }

  let excerpt = "";
  let code = "";
  let links: LinkTarget[] | undefined;
  try {
    const result = await bundleMDX({
      source: text,
      cwd: source.dir,
      mdxOptions(options) {
        options.remarkPlugins = [
          ...(options.remarkPlugins ?? []),
          remarkTables,
          [remarkNoEsm, { report }],
          // Links as the author wrote them, before remarkMedia rewrites image paths.
          [remarkLinks, { onLinks: (found: LinkTarget[]) => (links = found) }],
          [remarkKnownComponents, { report }],
          [remarkDialogue, { cast: story.cast, report, source: text }],
          [remarkTyping, { cast: story.cast, report, source: text }],
          // Media paths are rewritten before the Scrolly collects its panels.
          [remarkMedia, { root, chapterDir: source.dir, report, media }],
          [remarkScrolly, { report }],
          [remarkAnchors, { report }],
          [remarkYouTube, { report }],
          [remarkPause, { report }],
          [remarkExcerpt, { onExcerpt: (t: string) => (excerpt = t) }],
        ];
        return options;
      },
      esbuildOptions(options) {
        options.minify = true;
        options.logLevel = "silent";
        options.target = "es2022";
        return options;
      },
    });
    code = result.code;
  } catch (error) {
    diagnostics.push(...esbuildDiagnostics(error, source.file));
  }

  const errors = diagnostics.filter((d) => d.severity === "error");
  if (errors.length > 0 || !fm.frontmatter) {
    return { ok: false, source, diagnostics: sortDiagnostics(dedupe(diagnostics)), ...(links ? { links } : {}) };
  }
  return {
    ok: true,
    chapter: {
      source,
      frontmatter: { ...fm.frontmatter, cover },
      code,
      media,
      hash: hashChapterInputs(text, story),
      excerpt: fm.frontmatter.summary ?? excerpt,
      links: links ?? [],
    },
    warnings: diagnostics,
  };
}

interface EsbuildMessage {
  text: string;
  location?: { file?: string; line?: number; column?: number } | null;
  detail?: { cause?: { reason?: string; line?: number | null; column?: number | null } } | null;
}

const TRAILING_PLACE = /\s*\((\d+):(\d+)(?:-\d+:\d+)?\)\s*$/;

/**
 * MDX syntax errors arrive as esbuild messages wrapping the parser's own
 * message; its place is the real one (esbuild's location is the entry stub).
 */
function esbuildDiagnostics(error: unknown, file: string): Diagnostic[] {
  const messages = (error as { errors?: EsbuildMessage[] })?.errors;
  if (Array.isArray(messages) && messages.length > 0) {
    return messages.map((m) => {
      const cause = m.detail?.cause;
      if (cause?.reason) {
        const place = TRAILING_PLACE.exec(cause.reason);
        const line = cause.line ?? (place ? Number(place[1]) : 1);
        const column = cause.column ?? (place ? Number(place[2]) : 1);
        return { file, line, column, severity: "error" as const, message: cleanMessage(cause.reason.replace(TRAILING_PLACE, "")) };
      }
      return {
        file,
        line: Math.max(1, m.location?.line ?? 1),
        column: (m.location?.column ?? 0) + 1,
        severity: "error" as const,
        message: cleanMessage(m.text),
      };
    });
  }
  const message = error instanceof Error ? error.message : String(error);
  return [{ file, line: 1, column: 1, severity: "error", message: cleanMessage(message) }];
}

function cleanMessage(text: string): string {
  // Reports raised by our plugins are already in the list; esbuild repeats the
  // first one with a prefix, and MDX appends a docs link that helps nobody here.
  return text
    .replace(/^\[plugin: @mdx-js\/esbuild\]\s*/, "")
    .replace(/\s*More info: https?:\/\/\S+/g, "")
    .split("\n")[0]!
    .trim();
}

function dedupe(list: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return list.filter((d) => {
    const key = `${d.line}:${d.column}:${d.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function sortDiagnostics(list: Diagnostic[]): Diagnostic[] {
  return [...list].sort((a, b) => a.line - b.line || a.column - b.column);
}
