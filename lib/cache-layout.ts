import { createHash } from "node:crypto";
import path from "node:path";

/**
 * What lives under the cache folder (INSTALLMENT_CACHE_DIR), named in one
 * place: every instance and every command sharing a cache folder must agree
 * on it, or one writes where another never looks.
 */
export interface CacheLayout {
  root: string;
  /** Compiled chapters, by content hash. */
  compiled: string;
  /** The media store (`files/`, `index/`, `tmp/`: see storeLayout). */
  media: string;
  /** Generated media as served under /media/. */
  mediaFiles: string;
  /** Release journals, one folder per content root. */
  releases: string;
  /** Release-notification outboxes, one folder per content root. */
  notify: string;
  betaLinks: string;
  revokedSessions: string;
}

export function cacheLayout(root: string): CacheLayout {
  const media = path.join(root, "media");
  return {
    root,
    compiled: path.join(root, "compiled"),
    media,
    mediaFiles: storeLayout(media).files,
    releases: path.join(root, "releases"),
    notify: path.join(root, "notify"),
    betaLinks: path.join(root, "beta-links"),
    revokedSessions: path.join(root, "editor-sessions", "revoked"),
  };
}

/** A content root's name inside the per-root folders (releases, notify): stable, and safe as a file name. */
export function contentRootId(contentRoot: string): string {
  return createHash("sha256").update(path.resolve(contentRoot)).digest("hex").slice(0, 16);
}

/**
 * Inside a media store: generated files, the cache index per source hash,
 * temp files, and what each ffmpeg binary said about itself (`-version`,
 * `-encoders`), keyed by its path, size and mtime.
 */
export function storeLayout(storeRoot: string): { files: string; index: string; tmp: string; ffmpeg: string } {
  return {
    files: path.join(storeRoot, "files"),
    index: path.join(storeRoot, "index"),
    tmp: path.join(storeRoot, "tmp"),
    ffmpeg: path.join(storeRoot, "ffmpeg"),
  };
}
