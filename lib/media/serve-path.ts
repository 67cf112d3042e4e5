// Pure helpers for serving store files: validate a requested name, map it to
// an absolute path that cannot leave the store, and give its content type.
import path from "node:path";
import { storeLayout } from "../cache-layout";

const MEDIA_FILE_NAME = /^[0-9a-f]{16}\.(mp4|webm|webp|avif|jpg|png|gif)$/;

export type MediaExt = "mp4" | "webm" | "webp" | "avif" | "jpg" | "png" | "gif";

const CONTENT_TYPES: Record<MediaExt, string> = {
  mp4: "video/mp4",
  webm: "video/webm",
  webp: "image/webp",
  avif: "image/avif",
  jpg: "image/jpeg",
  png: "image/png",
  gif: "image/gif",
};

/** Content-addressed files never change: cache them for a year, immutably. */
export const IMMUTABLE_CACHE_CONTROL = "public, max-age=31536000, immutable";

/** True for `<16 lowercase hex>.<known ext>` and nothing else (no dots, slashes, escapes). */
export function isMediaFileName(name: unknown): name is string {
  return typeof name === "string" && MEDIA_FILE_NAME.test(name);
}

/**
 * Absolute path of `name` inside the store's files folder, or null when the
 * name is not a valid media file name. Pass the raw request segment: encoded
 * or decoded, anything but the exact pattern is refused.
 */
export function mediaFilePath(storeRoot: string, name: unknown): string | null {
  if (!isMediaFileName(name)) return null;
  const dir = path.resolve(storeLayout(storeRoot).files);
  const abs = path.resolve(dir, name);
  // Belt and braces: the pattern already forbids separators and dots-only names.
  if (path.dirname(abs) !== dir) return null;
  return abs;
}

/** MIME type for a file name or bare extension; null for anything the store does not produce. */
export function contentTypeFor(nameOrExt: string): string | null {
  const ext = (nameOrExt.includes(".") ? nameOrExt.slice(nameOrExt.lastIndexOf(".") + 1) : nameOrExt).toLowerCase();
  return (CONTENT_TYPES as Record<string, string>)[ext] ?? null;
}
