// Transcodes the media of a content root into the media store.
//
//   npx tsx scripts/build-media.ts [--chapters <dir>] [--store <dir>] [--manifest <file>]
//
// `buildMedia(refs, opts)` is what the server build calls with the compiler's
// media refs; the CLI instead takes every GIF and still under the content root.
import { mkdirSync, readdirSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { MediaRef } from "../lib/content/types";
import { formatDiagnostic } from "../lib/content/format-diagnostic";
import { av1FfmpegCandidates, readEnv } from "../lib/env";
import { processMedia, progressBarByDefault, type ProcessMediaOptions, type ProcessMediaResult } from "../lib/media/process";
import { formatSummary } from "../lib/media/summary";
import { isMain } from "./lib/is-main";
import { chaptersDir, chaptersOption, createProgram, runCli } from "./lib/cli";

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

async function buildMediaCommand(opts: { chapters?: string; store?: string; manifest?: string }): Promise<void> {
  const env = readEnv();
  const root = chaptersDir(opts.chapters, env);
  const refs = mediaUnder(root);
  if (refs.length === 0) {
    console.log(`media: no GIFs or stills under ${root}`);
    return;
  }
  const candidates = av1FfmpegCandidates(env);
  const { warnings, summary, storeDir, av1Ffmpeg } = await buildMedia(refs, {
    storeDir: opts.store,
    manifestFile: opts.manifest,
    ffmpeg: env.INSTALLMENT_FFMPEG,
    av1Ffmpeg: candidates,
    timeoutMs: env.INSTALLMENT_FFMPEG_TIMEOUT_MS,
  });
  for (const w of warnings) console.error(formatDiagnostic(w, process.cwd()));
  // On a TTY processMedia has already printed the summary under its progress bar.
  if (!progressBarByDefault(env)) console.log(formatSummary(summary));
  console.log(`store: ${storeDir}`);
  if (!av1Ffmpeg && candidates.length && refs.some((r) => r.kind === "gif"))
    console.log(`media: no AV1 renditions (no ffmpeg with SVT-AV1 among ${candidates.join(", ")}; Debian: apt-get install ffmpeg)`);
  if (warnings.some((w) => w.severity === "error")) process.exitCode = 1;
}

if (isMain(import.meta.url)) {
  const program = createProgram("build-media")
    .description("transcode every GIF and still under a content root into the media store")
    .addOption(chaptersOption())
    .option("--store <dir>", "media store (default: the cache folder's, $INSTALLMENT_CACHE_DIR/media)")
    .option("--manifest <file>", "also write the manifest as JSON to this file (outside the content root)")
    .action(buildMediaCommand);
  void runCli(program);
}
