// How heavy a GIF's video may be, and what to try when the quality setting
// comes out heavier: pure decisions, so they can be tested without ffmpeg.

/** A video (with its poster) above this share of the GIF's bytes gets a build warning. */
export const BUDGET_RATIO = 0.2;

/**
 * What a bitrate ceiling aims at once the quality setting is over budget:
 * below BUDGET_RATIO so rate control's overshoot on a short clip still lands
 * inside it.
 */
export const TARGET_RATIO = 0.16;

/**
 * Below this a ceiling buys nothing worth its blur: a GIF so small that 16% of
 * it is a few kilobytes is not what makes a chapter heavy, and the container
 * alone costs about one.
 */
export const MIN_BITRATE = 48_000;

/** Encodes per codec: the quality setting, then at most two ceilings. */
export const MAX_ATTEMPTS = 3;

/** How far over budget a video lighter than its GIF must be to be worth a warning. */
export const WARN_MIN_EXCESS_BYTES = 16 * 1024;

export type EncodeSettings = { mode: "quality" } | { mode: "ceiling"; bitrate: number };

export interface Attempt {
  settings: EncodeSettings;
  bytes: number;
}

export interface BudgetInput {
  gifBytes: number;
  posterBytes: number;
  /** Length of the clip in seconds (one loop). */
  seconds: number;
}

/** Bytes the video itself may take so that video + poster stay within BUDGET_RATIO of the GIF. */
export function budgetVideoBytes(gifBytes: number, posterBytes: number): number {
  return Math.max(0, Math.floor(gifBytes * BUDGET_RATIO - posterBytes));
}

/** Bytes a ceiling aims the video at, so that video + poster land at TARGET_RATIO of the GIF. */
export function targetVideoBytes(gifBytes: number, posterBytes: number): number {
  return Math.max(0, Math.floor(gifBytes * TARGET_RATIO - posterBytes));
}

/**
 * The next encode to try for one codec, or null when the last attempt is the
 * answer. First the quality setting (CRF), kept whenever it fits the budget;
 * over it, an average bitrate that fills the target over the clip's length,
 * then one correction by the overshoot.
 */
export function nextSettings(input: BudgetInput, attempts: readonly Attempt[]): EncodeSettings | null {
  const last = attempts.at(-1);
  if (!last) return { mode: "quality" };
  const target = targetVideoBytes(input.gifBytes, input.posterBytes);
  if (last.bytes <= budgetVideoBytes(input.gifBytes, input.posterBytes) || attempts.length >= MAX_ATTEMPTS) return null;
  const seconds = Math.max(input.seconds, 0.1);
  // 3% for the container (moov/cues, headers) the bitrate does not cover.
  let bitrate = ((target * 8) / seconds) * 0.97;
  if (last.settings.mode === "ceiling") bitrate = Math.min(bitrate, last.settings.bitrate * (target / last.bytes) * 0.95);
  bitrate = Math.max(MIN_BITRATE, Math.round(bitrate));
  if (last.settings.mode === "ceiling" && bitrate >= last.settings.bitrate) return null;
  return { mode: "ceiling", bitrate };
}

/** The attempt to keep: the best quality that fits the budget (the earliest one), else the lightest. */
export function chooseAttempt(input: BudgetInput, attempts: readonly Attempt[]): Attempt | undefined {
  const budget = budgetVideoBytes(input.gifBytes, input.posterBytes);
  return attempts.find((a) => a.bytes <= budget) ?? [...attempts].sort((a, b) => a.bytes - b.bytes)[0];
}

/**
 * `video is 34.1% of the GIF (1.20 MB → 410.0 KB)` when video + poster is over
 * budget, else null. A few kilobytes over on a tiny GIF are not worth a
 * warning, unless the video outweighs the GIF itself.
 */
export function overBudgetMessage(gifBytes: number, servedBytes: number, format: (n: number) => string): string | null {
  const allowed = gifBytes * BUDGET_RATIO;
  if (servedBytes <= allowed) return null;
  if (servedBytes <= gifBytes && servedBytes - allowed < WARN_MIN_EXCESS_BYTES) return null;
  const pct = ((servedBytes / gifBytes) * 100).toFixed(1);
  return `video is ${pct}% of the GIF (${format(gifBytes)} → ${format(servedBytes)})`;
}
