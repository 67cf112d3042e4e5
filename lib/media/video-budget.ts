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

export type EncodeSettings = { mode: "quality" } | { mode: "ceiling"; bitrate: number } | { mode: "crf"; crf: number };

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
  else if (last.settings.mode === "crf") return null;
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

// AV1 (SVT-AV1). Its single-pass bitrate mode overshoots the asked rate by
// 20–90% on these clips, and ffmpeg 5.1 offers it no two-pass, so it gets its
// own search. Two strategies were measured (docs/architecture.md, "Media
// figures"); AV1_SEARCH is the one that needed fewer encodes.

export type Av1Search = "crf" | "rate";

/** Chosen by measurement: see docs/architecture.md. */
export const AV1_SEARCH: Av1Search = "crf";

/** Encodes of the AV1 rendition at most: the quality setting, then the search. */
export const AV1_MAX_ENCODES = 5;

/** SVT-AV1's CRF range tops out at 63. */
export const AV1_MAX_CRF = 63;

/** A fit at or above this share of the limit is close enough: a few more kilobytes would not buy visible quality. */
export const AV1_CLOSE_ENOUGH = 0.8;

export interface Av1Input extends BudgetInput {
  /** The quality setting's CRF (encode-args' AV1_QUALITY_CRF). */
  qualityCrf: number;
  /** Bytes of the lighter of the other videos: AV1 is only worth serving below it. */
  lighterBytes: number;
}

/**
 * What the AV1 video must stay under: the same budget as the others, and
 * below the lighter of them, or it is pure cost (a browser would download
 * it instead of a lighter file).
 */
export function av1LimitBytes(input: Pick<Av1Input, "gifBytes" | "posterBytes" | "lighterBytes">): number {
  return Math.max(0, Math.min(budgetVideoBytes(input.gifBytes, input.posterBytes), input.lighterBytes - 1));
}

const crfOf = (s: EncodeSettings, qualityCrf: number): number => (s.mode === "crf" ? s.crf : qualityCrf);

/** The most the CRF search raises the CRF in one step before it has a fit: on noise, SVT-AV1's bytes fall off a cliff. */
export const AV1_MAX_CRF_STEP = 8;

/**
 * CRF search: the quality setting, then a CRF raised until the video fits
 * the limit. Before any fit, each step extrapolates log(bytes) against CRF
 * (from the last two attempts, or assuming bytes halve every 6 CRF steps
 * after the first) to 90% of the limit, by at most AV1_MAX_CRF_STEP; once a
 * fit and an overshoot bracket the answer, it bisects. Stops at a fit within
 * AV1_CLOSE_ENOUGH of the limit, when the bracket closes, or after
 * AV1_MAX_ENCODES.
 */
export function nextAv1Crf(input: Av1Input, attempts: readonly Attempt[]): EncodeSettings | null {
  if (attempts.length === 0) return { mode: "quality" };
  const limit = av1LimitBytes(input);
  if (attempts.length >= AV1_MAX_ENCODES) return null;
  const points = attempts.map((a) => ({ crf: crfOf(a.settings, input.qualityCrf), bytes: Math.max(1, a.bytes) }));
  const fits = points.filter((p) => p.bytes <= limit);
  const over = points.filter((p) => p.bytes > limit).sort((a, b) => a.crf - b.crf);
  // The quality setting fits: keep it (the search only ever raises CRF).
  if (over.length === 0) return null;
  if (fits.some((p) => p.bytes >= limit * AV1_CLOSE_ENOUGH)) return null;
  const hi = over.at(-1) as { crf: number; bytes: number };
  const lo = fits.length ? fits.reduce((a, b) => (b.crf < a.crf ? b : a)) : null;
  if (lo) {
    if (lo.crf - hi.crf <= 1) return null;
    return { mode: "crf", crf: Math.floor((hi.crf + lo.crf) / 2) };
  }
  if (hi.crf >= AV1_MAX_CRF) return null;
  const prev = over.at(-2);
  // Natural-log bytes lost per CRF step: measured from the last two overshoots, else bytes halving every 6 steps.
  const slope = prev && prev.bytes > hi.bytes ? Math.log(prev.bytes / hi.bytes) / (hi.crf - prev.crf) : Math.LN2 / 6;
  const step = Math.ceil(Math.log(hi.bytes / Math.max(1, limit * 0.9)) / slope);
  return { mode: "crf", crf: Math.min(AV1_MAX_CRF, hi.crf + Math.min(AV1_MAX_CRF_STEP, Math.max(1, step))) };
}

/**
 * Rate search: the quality setting, then SVT-AV1's average bitrate aimed at
 * 90% of the limit over the clip's length, then rescaled by aim/actual while
 * the result is over the limit or under AV1_CLOSE_ENOUGH of it (the same
 * stopping rule as the CRF search), after AV1_MAX_ENCODES at most.
 */
export function nextAv1Rate(input: Av1Input, attempts: readonly Attempt[]): EncodeSettings | null {
  if (attempts.length === 0) return { mode: "quality" };
  const limit = av1LimitBytes(input);
  const last = attempts.at(-1) as Attempt;
  if (attempts.length >= AV1_MAX_ENCODES) return null;
  if (last.settings.mode === "quality" && last.bytes <= limit) return null;
  if (attempts.some((a) => a.settings.mode === "ceiling" && a.bytes <= limit && a.bytes >= limit * AV1_CLOSE_ENOUGH)) return null;
  const aim = limit * 0.9;
  const seconds = Math.max(input.seconds, 0.1);
  let bitrate = ((aim * 8) / seconds) * 0.97;
  if (last.settings.mode === "ceiling") bitrate = last.settings.bitrate * (aim / Math.max(1, last.bytes));
  bitrate = Math.max(MIN_BITRATE / 2, Math.round(bitrate));
  // Never ask again for a rate already tried, nor above one that overshot.
  const tried = attempts.flatMap((a) => (a.settings.mode === "ceiling" ? [a.settings] : []));
  const overshot = attempts
    .filter((a) => a.settings.mode === "ceiling" && a.bytes > limit)
    .map((a) => (a.settings as { bitrate: number }).bitrate);
  if (overshot.length) bitrate = Math.min(bitrate, Math.min(...overshot) - 1);
  if (tried.some((t) => Math.abs(t.bitrate - bitrate) < 1000)) return null;
  return { mode: "ceiling", bitrate };
}

/** The AV1 attempt to keep: the heaviest (best quality) that fits the limit, else the lightest. */
export function chooseAv1Attempt(input: Av1Input, attempts: readonly Attempt[]): Attempt | undefined {
  const limit = av1LimitBytes(input);
  const fits = attempts.filter((a) => a.bytes <= limit).sort((a, b) => b.bytes - a.bytes);
  return fits[0] ?? [...attempts].sort((a, b) => a.bytes - b.bytes)[0];
}
