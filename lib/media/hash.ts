// Content addressing: every generated file is named after the bytes it came
// from, the pipeline version and the variant, so a changed source (or a changed
// encoder setting, which bumps PIPELINE_VERSION, or another ffmpeg, which videos
// carry in their variant) always gets new names and old names can be cached
// forever.
import { createHash } from "node:crypto";

/** Bump when any encoder setting changes: every output gets a new name. */
export const PIPELINE_VERSION = "media-2";

/** Full sha256 (hex) of the source bytes; keys the cache index. */
export function sourceHash(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/** `<first 16 hex of sha256(source bytes + pipeline version + variant)>.<ext>` */
export function addressedName(bytes: Uint8Array, variant: string, ext: string): string {
  const h = createHash("sha256")
    .update(bytes)
    .update("\0" + PIPELINE_VERSION + "\0" + variant)
    .digest("hex");
  return `${h.slice(0, 16)}.${ext}`;
}
