// Makes the sample story's missing media. Everything is drawn by ffmpeg's own
// generators (lavfi sources, seeded noise, `geq` expressions, `life`,
// `cellauto`, `mandelbrot`): no network, no fonts, and the same bytes on every
// run, because the media pipeline caches by content hash. ffmpeg runs through
// lib/media (the binary the transcoder uses, its pool), so there is one way to
// run it.
import { existsSync, mkdirSync, renameSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { runFfmpeg } from "../../lib/media/ffmpeg";
import { runPool } from "../../lib/media/pool";
import { ffmpegArgs } from "./ffmpeg-args";
import { SAMPLE_MEDIA, type MediaRecipe } from "./recipes";

export interface EnsureOptions {
  /** Regenerate even files that exist. */
  force?: boolean;
  log?: (s: string) => void;
  /** Restrict to these paths (relative to the root) of `recipes`. */
  only?: string[];
  /** Defaults to SAMPLE_MEDIA. */
  recipes?: Record<string, MediaRecipe>;
  /** Parallel ffmpeg processes; defaults to the number of cores (max 4). */
  concurrency?: number;
}

/** The largest GIF takes well under a minute alone; a loaded machine may need many times that. */
const TIMEOUT_MS = 30 * 60_000;

/**
 * Makes the sample media under `root` that are missing (all of them with
 * `force`). Only media of chapter folders that exist under `root` are made, so
 * pointing it at another story never litters it with sample files.
 */
export async function ensureSampleMedia(root: string, opts: EnsureOptions = {}): Promise<{ generated: string[] }> {
  const absRoot = path.resolve(root);
  const recipes = opts.recipes ?? SAMPLE_MEDIA;
  const log = opts.log ?? (() => {});
  const wanted = Object.keys(recipes).filter((rel) => !opts.only || opts.only.includes(rel));
  const todo = wanted.filter((rel) => {
    const chapterDir = path.join(absRoot, rel.split("/")[0]!);
    if (!existsSync(chapterDir) || !statSync(chapterDir).isDirectory()) return false;
    return opts.force || !existsSync(path.join(absRoot, rel));
  });
  if (todo.length === 0) return { generated: [] };

  const cores = typeof os.availableParallelism === "function" ? os.availableParallelism() : os.cpus().length;
  const concurrency = Math.max(1, opts.concurrency ?? Math.min(4, cores));
  const generated: string[] = [];
  const failures: string[] = [];
  // Biggest jobs first, so the pool finishes together.
  const queue = [...todo].sort((a, b) => weight(recipes[b]!) - weight(recipes[a]!));
  await runPool(queue, concurrency, async (rel) => {
    const file = path.join(absRoot, rel);
    mkdirSync(path.dirname(file), { recursive: true });
    // Written beside the target, then renamed: an interrupted run never leaves a half file.
    const tmp = path.join(path.dirname(file), `.partial-${process.pid}-${path.basename(file)}`);
    const started = Date.now();
    const r = await runFfmpeg(ffmpegArgs(recipes[rel]!, tmp), { timeoutMs: TIMEOUT_MS });
    if (r.code !== 0) {
      rmSync(tmp, { force: true });
      const why = r.timedOut ? `timed out after ${TIMEOUT_MS / 60_000} min` : `exited with ${r.code ?? r.signal}`;
      failures.push(`could not make ${rel}: ffmpeg ${why}: ${r.stderr.trim().slice(-2000)}`);
      return;
    }
    renameSync(tmp, file);
    generated.push(rel);
    log(`made ${rel} (${(statSync(file).size / 1024).toFixed(0)} KB, ${((Date.now() - started) / 1000).toFixed(1)} s)`);
  });
  if (failures.length) throw new Error(failures.join("\n"));
  generated.sort();
  return { generated };
}

function weight(r: MediaRecipe): number {
  return r.kind === "gif" ? r.width * r.height * r.fps * r.seconds : r.width * r.height;
}
