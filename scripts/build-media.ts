// Transcodes the media of a content root into the media store.
//
//   npx tsx scripts/build-media.ts [--chapters <dir>] [--store <dir>] [--manifest <file>]
//
// `buildMedia(refs, opts)` is what the server build calls with the compiler's
// media refs; the CLI instead takes every GIF and still under the content root.
import { mkdirSync, readdirSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { MediaRef } from "../lib/content/types";
import { processMedia, progressBarByDefault, type ProcessMediaOptions, type ProcessMediaResult } from "../lib/media/process";
import { formatSummary } from "../lib/media/summary";
import { formatDiagnostic } from "../lib/content/format-diagnostic";
import { isMain } from "./lib/is-main";

export interface BuildMediaOptions extends ProcessMediaOptions {
  /** Also write the manifest as JSON to this file (outside the content root). */
  manifestFile?: string;
}

/** processMedia with build defaults (progress bar on a TTY), optionally writing the manifest. */
export async function buildMedia(refs: MediaRef[], opts: BuildMediaOptions = {}): Promise<ProcessMediaResult> {
  const { manifestFile, ...rest } = opts;
  const result = await processMedia(refs, rest);
  if (manifestFile) {
    mkdirSync(path.dirname(path.resolve(manifestFile)), { recursive: true });
    writeFileSync(manifestFile, JSON.stringify(result.manifest, null, 2) + "\n");
  }
  return result;
}

const STILL_EXT = new Set([".png", ".jpg", ".jpeg", ".webp", ".avif"]);

/** Every GIF (kind gif) and still image (kind still) under a content root, skipping dot and underscore folders. */
export function mediaUnder(root: string): MediaRef[] {
  const absRoot = path.resolve(root);
  const refs: MediaRef[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir).sort()) {
      if (entry.startsWith(".") || entry.startsWith("_") || entry === "node_modules") continue;
      const abs = path.join(dir, entry);
      if (statSync(abs).isDirectory()) walk(abs);
      else {
        const ext = path.extname(entry).toLowerCase();
        const rel = path.relative(absRoot, abs).split(path.sep).join("/");
        if (ext === ".gif") refs.push({ kind: "gif", path: rel, abs });
        else if (STILL_EXT.has(ext)) refs.push({ kind: "still", path: rel, abs });
      }
    }
  };
  walk(absRoot);
  return refs;
}

if (isMain(import.meta.url)) {
  const argv = process.argv.slice(2);
  const flag = (name: string) => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const root = path.resolve(flag("--chapters") ?? process.env.CHAPTERS_DIR ?? "chapters");
  const refs = mediaUnder(root);
  if (refs.length === 0) {
    console.log(`media: no GIFs or stills under ${root}`);
  } else {
    const { warnings, summary, storeDir } = await buildMedia(refs, { storeDir: flag("--store"), manifestFile: flag("--manifest") });
    for (const w of warnings) console.error(formatDiagnostic(w, process.cwd()));
    // On a TTY processMedia has already printed the summary under its progress bar.
    if (!progressBarByDefault()) console.log(formatSummary(summary));
    console.log(`store: ${storeDir}`);
    if (warnings.some((w) => w.severity === "error")) process.exitCode = 1;
  }
}
