// The AV1 rendition of a GIF (SVT-AV1, from the ffmpeg that has it): searched
// under the same budget as H.264 and VP9 and under the lighter of them, and
// kept only when it is lighter, since a browser that plays AV1 takes it first.
import { readFile } from "node:fs/promises";
import { AV1_QUALITY_CRF, av1SourceType } from "./encode-args";
import { ffmpegErrorLine } from "./encode-video";
import { encodeWithPlan, type BudgetContext, type BudgetedVideo } from "./encode-within-budget";
import { removeQuietly } from "./store";
import { formatBytes } from "./summary";
import type { Av1Decision } from "./types";
import { AV1_SEARCH, chooseAv1Attempt, nextAv1Crf, nextAv1Rate, type Av1Input, type Av1Search } from "./video-budget";

const CODEC_NAME: Record<string, string> = { h264: "H.264", vp9: "VP9", vp8: "VP8" };

/** SVT-AV1 refuses frames under 64 pixels in either direction. */
export const AV1_MIN_SIDE = 64;

export interface Av1Result {
  decision: Av1Decision;
  /** The kept video (a temp file the caller commits), with its `<source type>`; null when dropped. */
  video: (BudgetedVideo & { type: string }) | null;
  /** The encode timed out or was killed: may not happen next time, so the result is not worth caching. */
  transient?: boolean;
}

export async function encodeAv1(
  input: string,
  clip: { width: number; height: number; gifBytes: number; posterBytes: number },
  lighter: { codec: string; bytes: number },
  ctx: BudgetContext & { av1Ffmpeg: string },
  search: Av1Search = AV1_SEARCH,
): Promise<Av1Result> {
  if (clip.width < AV1_MIN_SIDE || clip.height < AV1_MIN_SIDE) {
    return {
      decision: { kept: false, bytes: null, encodes: 0, reason: `not encoded: SVT-AV1 needs at least ${AV1_MIN_SIDE}×${AV1_MIN_SIDE}` },
      video: null,
    };
  }
  const base = { gifBytes: clip.gifBytes, posterBytes: clip.posterBytes, qualityCrf: AV1_QUALITY_CRF, lighterBytes: lighter.bytes };
  const next = search === "crf" ? nextAv1Crf : nextAv1Rate;
  const at = (seconds: number): Av1Input => ({ ...base, seconds });
  const r = await encodeWithPlan(
    input,
    "av1",
    { next: (seconds, attempts) => next(at(seconds), attempts), choose: (seconds, attempts) => chooseAv1Attempt(at(seconds), attempts) },
    { ...ctx, ffmpeg: ctx.av1Ffmpeg },
  );
  if (!r.ok)
    return {
      decision: { kept: false, bytes: null, encodes: 1, reason: `not encoded: ${ffmpegErrorLine(r.failure)}` },
      video: null,
      transient: r.failure.timedOut || r.failure.signal !== null,
    };
  const v = r.video;
  const encodes = v.attempts.length;
  const compared = `${formatBytes(v.bytes)} against ${CODEC_NAME[lighter.codec] ?? lighter.codec} ${formatBytes(lighter.bytes)}`;
  if (v.bytes >= lighter.bytes)
    return { decision: { kept: false, bytes: v.bytes, encodes, reason: `not lighter: ${compared}` }, video: await drop(v) };
  const type = av1SourceType(await readFile(v.tmp));
  if (!type) return { decision: { kept: false, bytes: v.bytes, encodes, reason: "no av1C record in the MP4" }, video: await drop(v) };
  return { decision: { kept: true, bytes: v.bytes, encodes, reason: `lighter: ${compared}` }, video: { ...v, type } };
}

/** A dropped attempt's temp file goes now: the caller only ever commits a kept one. */
async function drop(v: BudgetedVideo): Promise<null> {
  await removeQuietly(v.tmp);
  return null;
}
