import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { ChapterSource, CompiledChapter } from "./types";

/**
 * Compiled chapters on disk, keyed by the hash of their inputs, so an
 * unchanged chapter is never compiled again, across restarts too. Only
 * successful compiles are kept: a broken chapter is cheap to recompile and
 * must show its current errors.
 */
export interface CompileCache {
  get(hash: string, source: ChapterSource, root: string): CompiledChapter | null;
  set(chapter: CompiledChapter, root: string): void;
}

interface Stored {
  hash: string;
  frontmatter: CompiledChapter["frontmatter"];
  code: string;
  excerpt: string;
  media: { kind: CompiledChapter["media"][number]["kind"]; path: string }[];
  links: CompiledChapter["links"];
}

export function createCompileCache(dir: string): CompileCache {
  mkdirSync(dir, { recursive: true });
  const fileOf = (hash: string) => path.join(dir, `${hash}.json`);
  return {
    get(hash, source, root) {
      const file = fileOf(hash);
      if (!existsSync(file)) return null;
      let stored: Stored;
      try {
        stored = JSON.parse(readFileSync(file, "utf8")) as Stored;
      } catch {
        return null;
      }
      const media = stored.media.map((m) => ({ ...m, abs: path.join(root, ...m.path.split("/")) }));
      // A media file deleted since the compile must surface as an error again.
      if (media.some((m) => !existsSync(m.abs))) return null;
      return {
        source,
        frontmatter: stored.frontmatter,
        code: stored.code,
        excerpt: stored.excerpt,
        media,
        hash: stored.hash,
        links: stored.links,
      };
    },
    set(chapter) {
      const stored: Stored = {
        hash: chapter.hash,
        frontmatter: chapter.frontmatter,
        code: chapter.code,
        excerpt: chapter.excerpt,
        media: chapter.media.map((m) => ({ kind: m.kind, path: m.path })),
        links: chapter.links,
      };
      const file = fileOf(chapter.hash);
      const tmp = `${file}.${process.pid}.tmp`;
      writeFileSync(tmp, JSON.stringify(stored));
      renameSync(tmp, file);
    },
  };
}
