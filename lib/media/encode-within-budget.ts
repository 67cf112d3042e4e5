// One codec's video of a GIF, tuned for that clip: the quality setting first,
// then bitrate ceilings derived from the GIF's bytes and length while the
// video is over its target (lib/media/video-budget.ts decides).
import { statSync } from "node:fs";
import { CONTAINER, type VideoCodec } from "./encode-args";
import { encodeOnce } from "./encode-video";
import { probeVideo, type FfmpegResult } from "./ffmpeg";
import { removeQuietly, tempPath, type Store } from "./store";
import { chooseAttempt, nextSettings, type Attempt, type BudgetInput, type EncodeSettings } from "./video-budget";

export interface BudgetedVideo {
  codec: VideoCodec;
  /** Temp file of the kept attempt; the caller commits it. */
  tmp: string;
  bytes: number;
  /** The setting of the kept attempt. */
  settings: EncodeSettings;
  attempts: Attempt[];
}

export type BudgetedResult = { ok: true; video: BudgetedVideo } | { ok: false; failure: FfmpegResult };

export interface BudgetContext {
  store: Store;
  threads: number;
  timeoutMs: number | undefined;
  ffmpeg: string | undefined;
}

/** What to encode next (null: stop) and which attempt to keep, given the clip's length once known. */
export interface EncodePlan {
  next(seconds: number, attempts: readonly Attempt[]): EncodeSettings | null;
  choose(seconds: number, attempts: readonly Attempt[]): Attempt | undefined;
}

export function encodeWithinBudget(
  input: string,
  codec: VideoCodec,
  budget: Omit<BudgetInput, "seconds">,
  ctx: BudgetContext,
): Promise<BudgetedResult> {
  return encodeWithPlan(
    input,
    codec,
    {
      next: (seconds, attempts) => nextSettings({ ...budget, seconds }, attempts),
      choose: (seconds, attempts) => chooseAttempt({ ...budget, seconds }, attempts),
    },
    ctx,
  );
}

/** Encodes `codec` as `plan` says until it says stop; resolves with the kept attempt (a temp file the caller commits). */
export async function encodeWithPlan(input: string, codec: VideoCodec, plan: EncodePlan, ctx: BudgetContext): Promise<BudgetedResult> {
  const attempts: Attempt[] = [];
  const files: string[] = [];
  let seconds = 0;
  try {
    for (;;) {
      const settings = plan.next(seconds, attempts);
      if (!settings) break;
      const out = tempPath(ctx.store, CONTAINER[codec]);
      files.push(out);
      const r = await encodeOnce(input, out, codec, settings, {
        threads: ctx.threads,
        timeoutMs: ctx.timeoutMs,
        ffmpeg: ctx.ffmpeg,
        passLog: tempPath(ctx.store, "pass"),
      });
      const bytes = r.code === 0 ? fileSize(out) : 0;
      // A ceiling that fails still leaves the quality encode to serve.
      if (bytes === 0) {
        if (attempts.length === 0) return { ok: false, failure: r };
        files.pop();
        await removeQuietly(out);
        break;
      }
      attempts.push({ settings, bytes });
      if (attempts.length === 1) {
        seconds = (await probeVideo(out, ctx.ffmpeg))?.seconds ?? 0;
        // Without a length there is no bitrate to derive: keep the quality encode.
        if (!(seconds > 0)) break;
      }
    }
    const kept = plan.choose(seconds, attempts) as Attempt;
    const tmp = files[attempts.indexOf(kept)] as string;
    files.splice(files.indexOf(tmp), 1);
    return { ok: true, video: { codec, tmp, bytes: kept.bytes, settings: kept.settings, attempts } };
  } finally {
    await Promise.all(files.map(removeQuietly));
  }
}

function fileSize(file: string): number {
  try {
    return statSync(file).size;
  } catch {
    return 0;
  }
}
