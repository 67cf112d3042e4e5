import { existsSync, realpathSync, statSync } from "node:fs";
import path from "node:path";

export const GIF_EXTENSIONS = [".gif"] as const;
export const STILL_EXTENSIONS = [".png", ".jpg", ".jpeg", ".webp", ".avif", ".gif"] as const;

export type ResolvedMedia = { ok: true; rel: string; abs: string } | { ok: false; message: string };

/**
 * Resolves a media path written in a chapter (relative to the chapter) and
 * refuses anything that is not a file inside the content root, including
 * symlinks that point out of it: media are served to readers, so a path that
 * escapes the root would publish arbitrary files.
 */
export function resolveMediaPath(written: string, chapterDir: string, root: string, allowed: readonly string[]): ResolvedMedia {
  if (/^[a-z][a-z0-9+.-]*:/i.test(written) || written.startsWith("//")) {
    return { ok: false, message: `media must be a file beside the chapter, not a URL: "${written}"` };
  }
  if (path.isAbsolute(written)) {
    return { ok: false, message: `media path must be relative to the chapter: "${written}"` };
  }
  const absRoot = path.resolve(root);
  const abs = path.resolve(chapterDir, written);
  const rel = path.relative(absRoot, abs);
  if (rel.startsWith("..") || path.isAbsolute(rel)) {
    return { ok: false, message: `media path leaves the content root: "${written}"` };
  }
  const ext = path.extname(abs).toLowerCase();
  if (!allowed.includes(ext)) {
    return { ok: false, message: `"${written}" has an unsupported type; use ${allowed.join(", ")}` };
  }
  if (!existsSync(abs) || !statSync(abs).isFile()) {
    return { ok: false, message: `media file not found: "${written}"` };
  }
  const real = realpathSync(abs);
  const realRel = path.relative(realpathSync(absRoot), real);
  if (realRel.startsWith("..") || path.isAbsolute(realRel)) {
    return { ok: false, message: `media path leaves the content root through a link: "${written}"` };
  }
  return { ok: true, rel: rel.split(path.sep).join("/"), abs };
}
