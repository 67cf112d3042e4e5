// Content addressing: every generated file is named after the bytes it came
// from, the pipeline version and the variant, so a changed source (or a changed
// encoder setting, which changes PIPELINE_VERSION, or another ffmpeg, which
// videos carry in their variant) always gets new names and old names can be
// cached forever.
import { createHash } from "node:crypto";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { sourceVersion } from "../source-version";

const here = path.dirname(fileURLToPath(import.meta.url));

/** The modules whose code decides what the store holds: encoder settings, posters, still renditions, fallbacks, names. */
export const PIPELINE_SOURCES = [
  "encode-args.ts",
  "encode-video.ts",
  "encode-within-budget.ts",
  "encode-av1.ts",
  "video-budget.ts",
  "ffmpeg.ts",
  "ffmpeg-facts.ts",
  "poster.ts",
  "stills.ts",
  "process.ts",
  "process-gif.ts",
  "process-still.ts",
  "hash.ts",
].map((f) => path.join(/*turbopackIgnore: true*/ here, f));

/** Derived from PIPELINE_SOURCES (and the version of sharp they import): any change gives every output a new name. */
export const PIPELINE_VERSION = `media-${sourceVersion(PIPELINE_SOURCES, path.resolve(/*turbopackIgnore: true*/ here, "..", ".."))}`;

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
