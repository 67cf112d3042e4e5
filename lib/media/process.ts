// processMedia: every GIF a chapter uses becomes MP4 + WebM + poster (and an
// AV1 MP4 when an ffmpeg with SVT-AV1 is there and it is lighter), every
// still becomes responsive renditions. Content-addressed, cached by source
// hash across processes, parallel up to the core count, and a file that cannot
// be transcoded falls back to the original with a warning instead of throwing.
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { cpus } from "node:os";
import { createHash } from "node:crypto";
import type { Diagnostic, MediaRef } from "../content/types";
import type { MediaAsset, MediaManifest } from "./types";
import { assetFiles } from "./asset-files";
import { ffmpegIdentity, findAv1Ffmpeg } from "./ffmpeg-facts";
import { PIPELINE_VERSION, sourceHash } from "./hash";
import { runPool } from "./pool";
import { processGif } from "./process-gif";
import { processStill } from "./process-still";
import type { IndexEntry, JobContext, JobResult } from "./process-types";
import { createProgressBar } from "./progress";
import { openStore, readIndex, storeFile, writeIndex, type Store } from "./store";
import { formatSummary, type MediaSummary } from "./summary";
import { av1FfmpegCandidates, readEnv, type Env } from "../env";

export interface ProcessMediaOptions {
  /** Default: the cache folder's media store (`$INSTALLMENT_CACHE_DIR/media`). */
  storeDir?: string;
  /** Parallel jobs; default os.cpus().length. */
  concurrency?: number;
  onProgress?: (done: number, total: number, current: string) => void;
  /** Draw a progress bar and the summary line on stderr. Default: when stderr is a TTY (not under CI or vitest). */
  progressBar?: boolean;
  /** Per-GIF ffmpeg time limit (INSTALLMENT_FFMPEG_TIMEOUT_MS); default 10 minutes. */
  timeoutMs?: number;
  /** An ffmpeg binary instead of the bundled one (INSTALLMENT_FFMPEG). */
  ffmpeg?: string;
  /**
   * Binaries to ask for SVT-AV1, in order (lib/env.ts av1FfmpegCandidates);
   * the first that has it makes the AV1 renditions; empty: no AV1. Default:
   * `ffmpeg`, then Debian's /usr/bin/ffmpeg.
   */
  av1Ffmpeg?: readonly string[];
}

export interface ProcessMediaResult {
  manifest: MediaManifest;
  warnings: Diagnostic[];
  summary: MediaSummary;
  /** Absolute store folder (generated files live in `<storeDir>/files`). */
  storeDir: string;
  /** The ffmpeg that made the AV1 renditions; null when none of the candidates has SVT-AV1. */
  av1Ffmpeg: string | null;
}

interface Outcome {
  entry: IndexEntry | null;
  fresh: boolean;
  /** Problem that is not a fallback (missing or unreadable source). */
  error?: string;
}

export async function processMedia(refs: MediaRef[], opts: ProcessMediaOptions = {}): Promise<ProcessMediaResult> {
  const started = Date.now();
  const store = openStore(opts.storeDir);
  const unique = [...new Map(refs.map((r) => [r.path, r] as const)).values()];
  const concurrency = Math.max(1, opts.concurrency ?? cpus().length);
  const gifJobs = unique.filter((r) => r.kind === "gif").length;
  const threads = Math.max(1, Math.floor(cpus().length / Math.max(1, Math.min(concurrency, gifJobs))));

  const showBar = opts.progressBar ?? progressBarByDefault();
  const bar = showBar ? createProgressBar(process.stderr) : null;
  let done = 0;
  let current = "";
  // Only draw once the run turns out to be long enough to be worth watching,
  // then tick every second so a long GIF still shows time passing.
  let barVisible = false;
  const draw = () => bar?.update(done, unique.length, current);
  let ticker: NodeJS.Timeout | null = null;
  const barTimer = bar
    ? setTimeout(() => {
        barVisible = true;
        draw();
        ticker = setInterval(draw, 1000);
      }, 300)
    : null;

  const inflight = new Map<string, Promise<IndexEntry | null>>();
  const av1Ffmpeg = gifJobs
    ? await findAv1Ffmpeg(opts.av1Ffmpeg ?? av1FfmpegCandidates({ INSTALLMENT_FFMPEG: opts.ffmpeg }), store.ffmpeg)
    : null;
  const ctx: Ctx = { store, threads, timeoutMs: opts.timeoutMs, ffmpeg: opts.ffmpeg, av1Ffmpeg, inflight };

  const outcomes = await runPoolSettled(unique, concurrency, async (ref) => {
    current = ref.path;
    const outcome = await processOne(ref, ctx);
    done++;
    opts.onProgress?.(done, unique.length, ref.path);
    if (barVisible) draw();
    return outcome;
  });
  if (barTimer) clearTimeout(barTimer);
  if (ticker) clearInterval(ticker);
  bar?.stop();

  const manifest: MediaManifest = {};
  const warnings: Diagnostic[] = [];
  const summary: MediaSummary = { files: unique.length, transcoded: 0, cached: 0, fallbacks: 0, bytesBefore: 0, bytesAfter: 0, ms: 0 };
  unique.forEach((ref, i) => {
    const o = outcomes[i] as Outcome;
    if (o.error !== undefined || !o.entry) {
      warnings.push(diag(ref, o.error ?? "could not process media", "error"));
      return;
    }
    const asset = { ...o.entry.asset, source: ref.path } as MediaAsset;
    manifest[ref.path] = asset;
    if (o.fresh) summary.transcoded++;
    else summary.cached++;
    if (o.entry.warning) {
      summary.fallbacks++;
      warnings.push(diag(ref, o.entry.warning, "warning"));
    }
    if (o.entry.note) warnings.push(diag(ref, o.entry.note, "warning"));
    summary.bytesBefore += asset.sourceBytes;
    summary.bytesAfter += asset.servedBytes;
  });
  summary.ms = Date.now() - started;
  if (showBar && unique.length > 0) process.stderr.write(formatSummary(summary) + "\n");
  return { manifest, warnings, summary, storeDir: store.root, av1Ffmpeg };
}

/** Whether processMedia draws its progress bar (and summary line) when `progressBar` is not given. */
export function progressBarByDefault(env: Env = readEnv()): boolean {
  return Boolean(process.stderr.isTTY) && !env.CI && !env.VITEST;
}

interface Ctx extends JobContext {
  inflight: Map<string, Promise<IndexEntry | null>>;
}

async function processOne(ref: MediaRef, ctx: Ctx): Promise<Outcome> {
  let bytes: Buffer;
  try {
    bytes = await readFile(ref.abs);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return {
      entry: null,
      fresh: false,
      error: code === "ENOENT" ? `media file not found: ${ref.path}` : `cannot read ${ref.path}: ${String(err)}`,
    };
  }
  const kind = ref.kind === "gif" ? "video" : "image";
  const key = await indexKey(bytes, kind, ctx);

  // Same bytes under two paths in one run: the second waits for the first.
  const running = ctx.inflight.get(key);
  if (running) return { entry: await running, fresh: false };

  const cached = await readIndex<IndexEntry>(ctx.store, key);
  if (cached && cached.version === PIPELINE_VERSION && isComplete(ctx.store, cached)) return { entry: cached, fresh: false };

  const work = (async (): Promise<JobResult> => (kind === "video" ? processGif(ref, bytes, ctx) : processStill(ref, bytes, ctx.store)))();
  const shared = work.then((w) => w.entry).catch(() => null);
  ctx.inflight.set(key, shared);
  try {
    const { entry, cacheable } = await work;
    if (cacheable) await writeIndex(ctx.store, key, entry);
    return { entry, fresh: true };
  } catch (err) {
    return { entry: null, fresh: true, error: `could not process ${ref.path}: ${err instanceof Error ? err.message : String(err)}` };
  }
}

/**
 * A video is only as good as the encoders that made it: another ffmpeg build,
 * or another AV1 encoder (or none), means another key.
 */
async function indexKey(bytes: Buffer, kind: "video" | "image", ctx: Ctx): Promise<string> {
  const base = `${PIPELINE_VERSION}-${sourceHash(bytes)}-${kind}`;
  if (kind === "image") return base;
  const av1 = ctx.av1Ffmpeg ? await ffmpegIdentity(ctx.av1Ffmpeg, ctx.store.ffmpeg) : "no-av1";
  return `${base}-${createHash("sha256")
    .update(await ffmpegIdentity(ctx.ffmpeg, ctx.store.ffmpeg))
    .update("\0" + av1)
    .digest("hex")
    .slice(0, 12)}`;
}

function isComplete(store: Store, entry: IndexEntry): boolean {
  return assetFiles({ ...entry.asset, source: "" } as MediaAsset).every((f) => existsSync(storeFile(store, f)));
}

function diag(ref: MediaRef, message: string, severity: Diagnostic["severity"]): Diagnostic {
  return { file: ref.abs, line: 1, column: 1, message, severity };
}

/** Like runPool but a throwing job can never sink the batch. */
async function runPoolSettled<T>(items: readonly T[], concurrency: number, fn: (item: T) => Promise<Outcome>): Promise<Outcome[]> {
  return runPool(items, concurrency, (item) =>
    fn(item).catch((err: unknown): Outcome => ({ entry: null, fresh: false, error: err instanceof Error ? err.message : String(err) })),
  );
}
