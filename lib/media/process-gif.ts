// A GIF becomes an H.264 MP4 and a VP9 WebM, each tuned to the clip's budget,
// plus a WebP poster, and an AV1 MP4 when an ffmpeg with SVT-AV1 is there and
// the AV1 comes out lighter than both; the lightest video is listed first. A
// GIF that cannot be transcoded is served as it is, with a warning.
import { readFile } from "node:fs/promises";
import type { MediaRef } from "../content/types";
import { SOURCE_TYPE, CONTAINER } from "./encode-args";
import { ffmpegErrorLine, webmCodec } from "./encode-video";
import { encodeAv1, type Av1Result } from "./encode-av1";
import { encodeWithinBudget, type BudgetedVideo } from "./encode-within-budget";
import { ffmpegPath, probeVideo, runFfmpeg } from "./ffmpeg";
import { ffmpegIdentity } from "./ffmpeg-facts";
import { addressedName, PIPELINE_VERSION } from "./hash";
import { gifHeaderSize, makePoster, type Poster } from "./poster";
import type { JobContext, JobResult } from "./process-types";
import { commitTemp, removeQuietly, tempPath, writeAddressed, type Store } from "./store";
import { formatBytes } from "./summary";
import type { VideoSource } from "./types";
import { overBudgetMessage } from "./video-budget";

export async function processGif(ref: MediaRef, bytes: Buffer, ctx: JobContext): Promise<JobResult> {
  const { store } = ctx;
  if (!ffmpegPath(ctx.ffmpeg))
    return fallback(ref, bytes, store, await makePoster(bytes).catch(() => null), "ffmpeg is not installed", false);
  const poster = (await makePoster(bytes).catch(() => null)) ?? (await posterViaFfmpeg(ref.abs, store, ctx.ffmpeg));

  const encoded: BudgetedVideo[] = [];
  try {
    for (const codec of ["h264", await webmCodec(ctx.ffmpeg, store.ffmpeg)] as const) {
      const r = await encodeWithinBudget(ref.abs, codec, { gifBytes: bytes.length, posterBytes: poster?.data.length ?? 0 }, ctx);
      // A timeout or a kill may not happen next time; a decode error will.
      if (!r.ok) return fallback(ref, bytes, store, poster, ffmpegErrorLine(r.failure), !r.failure.timedOut && r.failure.signal === null);
      encoded.push(r.video);
    }
    if (!poster) return fallback(ref, bytes, store, null, "no poster frame could be extracted", true);

    // AV1 last: it has to beat the lighter of the two to be worth a file.
    let av1: Av1Result | null = null;
    if (ctx.av1Ffmpeg) {
      const lighter = encoded.reduce((a, b) => (b.bytes < a.bytes ? b : a));
      av1 = await encodeAv1(
        ref.abs,
        { width: poster.width, height: poster.height, gifBytes: bytes.length, posterBytes: poster.data.length },
        { codec: lighter.codec, bytes: lighter.bytes },
        { ...ctx, av1Ffmpeg: ctx.av1Ffmpeg },
      );
      if (av1.video) encoded.push(av1.video);
    }

    // Outputs are named after the encoder too, so a new ffmpeg never reuses an old file's name.
    const encoder = await ffmpegIdentity(ctx.ffmpeg, store.ffmpeg);
    const av1Encoder = ctx.av1Ffmpeg ? await ffmpegIdentity(ctx.av1Ffmpeg, store.ffmpeg) : "";
    const sources: VideoSource[] = [];
    for (const v of encoded) {
      const file = addressedName(bytes, v.codec === "av1" ? `${av1Encoder}\0av1` : `${encoder}\0${v.codec}`, CONTAINER[v.codec]);
      await commitTemp(store, v.tmp, file);
      const ceiling = v.settings.mode === "ceiling" ? { ceiling: v.settings.bitrate } : {};
      const crf = v.settings.mode === "crf" ? { crf: v.settings.crf } : {};
      const type = v.codec === "av1" ? (av1?.video?.type as string) : SOURCE_TYPE[v.codec];
      sources.push({ file, type, codec: v.codec, bytes: v.bytes, ...ceiling, ...crf, encodes: v.attempts.length });
    }
    sources.sort((a, b) => a.bytes - b.bytes);
    const posterName = addressedName(bytes, "poster-webp", "webp");
    await writeAddressed(store, posterName, poster.data);
    const served = (sources[0]?.bytes ?? 0) + poster.data.length;
    const over = overBudgetMessage(bytes.length, served, formatBytes);
    return {
      // An AV1 encode that timed out may not next time: the GIF is done again then, as after any timeout.
      cacheable: !av1?.transient,
      entry: {
        version: PIPELINE_VERSION,
        ...(over ? { note: `${over}: ${OVER_BUDGET_ADVICE}` } : {}),
        asset: {
          kind: "video",
          width: poster.width,
          height: poster.height,
          sources,
          poster: posterName,
          sourceBytes: bytes.length,
          servedBytes: served,
          ...(av1 ? { av1: av1.decision } : {}),
        },
      },
    };
  } finally {
    await Promise.all(encoded.map((v) => removeQuietly(v.tmp)));
  }
}

const OVER_BUDGET_ADVICE =
  "its content (noise, pixel-level detail that changes every frame) compresses poorly as video even at the lowest " +
  "bitrate worth serving; fewer colours, less dithering or larger, slower-moving shapes would make it lighter";

/** Serve the original GIF (a content-addressed copy) and say why. */
async function fallback(
  ref: MediaRef,
  bytes: Buffer,
  store: Store,
  poster: Poster | null,
  failure: string,
  cacheable: boolean,
): Promise<JobResult> {
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

/** For GIFs ffmpeg can decode but sharp cannot: first frame as PNG via ffmpeg, then WebP via sharp. */
async function posterViaFfmpeg(input: string, store: Store, ffmpeg: string | undefined): Promise<Poster | null> {
  const png = tempPath(store, "png");
  try {
    const r = await runFfmpeg(["-loglevel", "error", "-y", "-i", input, "-frames:v", "1", png], { timeoutMs: 60_000, ffmpeg });
    if (r.code !== 0) return null;
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
