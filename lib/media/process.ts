// processMedia: every GIF a chapter uses becomes MP4 + WebM + poster, every
// still becomes responsive renditions. Content-addressed, cached by source
// hash across processes, parallel up to the core count, and a file that cannot
// be transcoded falls back to the original with a warning instead of throwing.
import { existsSync, statSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { cpus } from "node:os";
import path from "node:path";
import type { Diagnostic, MediaRef } from "../content/types";
import type { MediaAsset, MediaManifest } from "./types";
import { assetFiles } from "./asset-files";
import { encodeGif, ffmpegErrorLine } from "./encode-video";
import { ffmpegPath, probeVideo, runFfmpeg } from "./ffmpeg";
import { addressedName, PIPELINE_VERSION, sourceHash } from "./hash";
import { gifHeaderSize, makePoster, type Poster } from "./poster";
import { runPool } from "./pool";
import { createProgressBar } from "./progress";
import { renderStill } from "./stills";
import { commitTemp, openStore, readIndex, removeQuietly, storeFile, tempPath, writeAddressed, writeIndex, type Store } from "./store";
import { formatSummary, type MediaSummary } from "./summary";
import { readEnv, type Env } from "../env";

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
}

export interface ProcessMediaResult {
  manifest: MediaManifest;
  warnings: Diagnostic[];
  summary: MediaSummary;
  /** Absolute store folder (generated files live in `<storeDir>/files`). */
  storeDir: string;
}

/** What the cache index stores per source hash (the asset minus its source path). */
interface IndexEntry {
  version: string;
  asset: DistributiveOmit<MediaAsset, "source">;
  /** Set for fallbacks: re-emitted as a warning on every cache hit. */
  warning?: string;
  /** Advice that is not a fallback (e.g. the video came out heavier than the GIF); also re-emitted. */
  note?: string;
}
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

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
  const ctx: Ctx = { store, threads, timeoutMs: opts.timeoutMs, ffmpeg: opts.ffmpeg, inflight };

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
  return { manifest, warnings, summary, storeDir: store.root };
}

/** Whether processMedia draws its progress bar (and summary line) when `progressBar` is not given. */
export function progressBarByDefault(env: Env = readEnv()): boolean {
  return Boolean(process.stderr.isTTY) && !env.CI && !env.VITEST;
}

interface Ctx {
  store: Store;
  threads: number;
  timeoutMs: number | undefined;
  ffmpeg: string | undefined;
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
  const key = `${PIPELINE_VERSION}-${sourceHash(bytes)}-${kind}`;

  // Same bytes under two paths in one run: the second waits for the first.
  const running = ctx.inflight.get(key);
  if (running) return { entry: await running, fresh: false };

  const cached = await readIndex<IndexEntry>(ctx.store, key);
  if (cached && cached.version === PIPELINE_VERSION && isComplete(ctx.store, cached)) return { entry: cached, fresh: false };

  const work = (async (): Promise<{ entry: IndexEntry; cacheable: boolean }> =>
    kind === "video" ? processGif(ref, bytes, ctx) : processStill(ref, bytes, ctx.store))();
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

function isComplete(store: Store, entry: IndexEntry): boolean {
  return assetFiles({ ...entry.asset, source: "" } as MediaAsset).every((f) => existsSync(storeFile(store, f)));
}

async function processGif(ref: MediaRef, bytes: Buffer, ctx: Ctx): Promise<{ entry: IndexEntry; cacheable: boolean }> {
  const { store } = ctx;
  let poster: Poster | null;
  try {
    poster = await makePoster(bytes);
  } catch {
    poster = null;
  }

  let failure: string | null;
  let cacheable = true;
  if (!ffmpegPath(ctx.ffmpeg)) {
    failure = "ffmpeg is not installed";
    cacheable = false;
  } else {
    const mp4 = addressedName(bytes, "mp4", "mp4");
    const webm = addressedName(bytes, "webm", "webm");
    const tmpMp4 = tempPath(store, "mp4");
    const tmpWebm = tempPath(store, "webm");
    try {
      const r = await encodeGif(ref.abs, tmpMp4, tmpWebm, { threads: ctx.threads, timeoutMs: ctx.timeoutMs, ffmpeg: ctx.ffmpeg });
      const ok = r.code === 0 && fileSize(tmpMp4) > 0 && fileSize(tmpWebm) > 0;
      if (!ok) {
        failure = ffmpegErrorLine(r);
        // A timeout or a kill may not happen next time; a decode error will.
        cacheable = !r.timedOut && r.signal === null;
      } else {
        if (!poster) poster = await posterViaFfmpeg(ref.abs, store, ctx.ffmpeg);
        if (!poster) {
          failure = "no poster frame could be extracted";
        } else {
          const mp4Bytes = fileSize(tmpMp4);
          await commitTemp(store, tmpMp4, mp4);
          await commitTemp(store, tmpWebm, webm);
          const posterName = addressedName(bytes, "poster-webp", "webp");
          await writeAddressed(store, posterName, poster.data);
          const served = mp4Bytes + poster.data.length;
          return {
            cacheable: true,
            entry: {
              version: PIPELINE_VERSION,
              ...(served > bytes.length ? { note: heavierNote(ref.path, served, bytes.length) } : {}),
              asset: {
                kind: "video",
                width: poster.width,
                height: poster.height,
                mp4,
                webm,
                poster: posterName,
                sourceBytes: bytes.length,
                servedBytes: served,
              },
            },
          };
        }
      }
    } finally {
      await removeQuietly(tmpMp4);
      await removeQuietly(tmpWebm);
    }
  }

  // Fallback: serve the original GIF (content-addressed copy) and say so.
  const file = addressedName(bytes, "original-gif", "gif");
  await writeAddressed(store, file, bytes);
  let posterName = "";
  if (poster) {
    posterName = addressedName(bytes, "poster-webp", "webp");
    await writeAddressed(store, posterName, poster.data);
  }
  const size = poster ?? gifHeaderSize(bytes);
  return {
    cacheable,
    entry: {
      version: PIPELINE_VERSION,
      warning: `could not transcode ${ref.path} (${failure}); serving the original GIF`,
      asset: {
        kind: "gif",
        width: size.width,
        height: size.height,
        file,
        poster: posterName,
        sourceBytes: bytes.length,
        servedBytes: bytes.length + (poster?.data.length ?? 0),
      },
    },
  };
}

function heavierNote(source: string, served: number, gif: number): string {
  return (
    `the video of ${source} is ${Math.round((served / gif) * 100)}% of the GIF's size: its content (noise, ` +
    `pixel-level detail that changes every frame) compresses poorly as video; fewer colours, less dithering ` +
    `or larger, slower-moving shapes would make it lighter`
  );
}

/** For GIFs ffmpeg can decode but sharp cannot: first frame as PNG via ffmpeg, then WebP via sharp. */
async function posterViaFfmpeg(input: string, store: Store, ffmpeg: string | undefined): Promise<Poster | null> {
  const png = tempPath(store, "png");
  try {
    const r = await runFfmpeg(["-loglevel", "error", "-y", "-i", input, "-frames:v", "1", png], { timeoutMs: 60_000, ffmpeg });
    if (r.code !== 0 || fileSize(png) === 0) return null;
    const poster = await makePoster(await readFile(png));
    const info = await probeVideo(input, ffmpeg);
    if (info && info.width && info.height) return { ...poster, width: info.width, height: info.height };
    return poster;
  } catch {
    return null;
  } finally {
    await removeQuietly(png);
  }
}

async function processStill(ref: MediaRef, bytes: Buffer, store: Store): Promise<{ entry: IndexEntry; cacheable: boolean }> {
  try {
    const still = await renderStill(bytes);
    const renditions = [];
    for (const r of still.renditions) {
      const file = addressedName(bytes, r.variant, r.ext);
      await writeAddressed(store, file, r.data);
      renditions.push({ file, width: r.width, format: r.format, bytes: r.data.length });
    }
    const fallback = addressedName(bytes, still.fallback.variant, still.fallback.ext);
    await writeAddressed(store, fallback, still.fallback.data);
    // A reader on a modern browser downloads one AVIF; the largest is the upper bound.
    const served = renditions.find((r) => r.format === "avif")?.bytes ?? still.fallback.data.length;
    return {
      cacheable: true,
      entry: {
        version: PIPELINE_VERSION,
        asset: {
          kind: "image",
          width: still.width,
          height: still.height,
          renditions,
          fallback,
          sourceBytes: bytes.length,
          servedBytes: served,
        },
      },
    };
  } catch (err) {
    // Undecodable image: serve the original as the only file, if it is a type the store serves.
    const ext = path.extname(ref.path).slice(1).toLowerCase().replace("jpeg", "jpg");
    if (!["jpg", "png", "webp", "avif", "gif"].includes(ext)) throw err;
    const fallback = addressedName(bytes, "original-still", ext);
    await writeAddressed(store, fallback, bytes);
    const size = gifHeaderSize(bytes);
    return {
      cacheable: true,
      entry: {
        version: PIPELINE_VERSION,
        warning: `could not process ${ref.path} (${err instanceof Error ? err.message : String(err)}); serving the original image`,
        asset: {
          kind: "image",
          width: size.width,
          height: size.height,
          renditions: [],
          fallback,
          sourceBytes: bytes.length,
          servedBytes: bytes.length,
        },
      },
    };
  }
}

function fileSize(file: string): number {
  try {
    return statSync(file).size;
  } catch {
    return 0;
  }
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
