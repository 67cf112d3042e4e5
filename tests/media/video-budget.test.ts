import { describe, expect, it } from "vitest";
import { formatBytes } from "../../lib/media/summary";
import {
  AV1_CLOSE_ENOUGH,
  AV1_MAX_CRF_STEP,
  AV1_MAX_ENCODES,
  av1LimitBytes,
  budgetVideoBytes,
  chooseAv1Attempt,
  nextAv1Crf,
  chooseAttempt,
  MAX_ATTEMPTS,
  MIN_BITRATE,
  nextSettings,
  overBudgetMessage,
  targetVideoBytes,
  type Attempt,
  type BudgetInput,
} from "../../lib/media/video-budget";

// A 2 MB GIF of 4 s with a 20 KB poster: the video may take 20% of 2 MB minus
// the poster; a ceiling aims at 16% minus the poster.
const clip: BudgetInput = { gifBytes: 2_000_000, posterBytes: 20_000, seconds: 4 };
const budget = 2_000_000 * 0.2 - 20_000; // 380 000 bytes
const target = 2_000_000 * 0.16 - 20_000; // 300 000 bytes

describe("per-clip encoder tuning", () => {
  it("budget and target leave room for the poster inside 20% and 16% of the GIF", () => {
    expect(budgetVideoBytes(clip.gifBytes, clip.posterBytes)).toBe(budget);
    expect(targetVideoBytes(clip.gifBytes, clip.posterBytes)).toBe(target);
    expect(targetVideoBytes(10_000, 5_000)).toBe(0);
  });

  it("starts with the quality setting", () => {
    expect(nextSettings(clip, [])).toEqual({ mode: "quality" });
  });

  it("keeps the quality encode whenever it fits the budget, even above the target", () => {
    expect(nextSettings(clip, [{ settings: { mode: "quality" }, bytes: budget }])).toBeNull();
  });

  it("over the budget: an average bitrate that fills the target over the clip's length, less the container", () => {
    const next = nextSettings(clip, [{ settings: { mode: "quality" }, bytes: 700_000 }]);
    expect(next).toEqual({ mode: "ceiling", bitrate: Math.round(((target * 8) / 4) * 0.97) });
  });

  it("a ceiling that overshot the budget is lowered by the overshoot; one within it is kept", () => {
    const first = Math.round(((target * 8) / 4) * 0.97);
    const q = { settings: { mode: "quality" } as const, bytes: 700_000 };
    const next = nextSettings(clip, [q, { settings: { mode: "ceiling", bitrate: first }, bytes: 400_000 }]);
    expect(next).toEqual({ mode: "ceiling", bitrate: Math.round(first * (target / 400_000) * 0.95) });
    expect(nextSettings(clip, [q, { settings: { mode: "ceiling", bitrate: first }, bytes: 330_000 }])).toBeNull();
  });

  it(`stops after ${MAX_ATTEMPTS} encodes`, () => {
    const attempts: Attempt[] = [
      { settings: { mode: "quality" }, bytes: 700_000 },
      { settings: { mode: "ceiling", bitrate: 500_000 }, bytes: 400_000 },
      { settings: { mode: "ceiling", bitrate: 400_000 }, bytes: 350_000 },
    ];
    expect(nextSettings(clip, attempts)).toBeNull();
  });

  it("never asks for less than the floor bitrate, and stops once at it", () => {
    const tiny: BudgetInput = { gifBytes: 30_000, posterBytes: 2_000, seconds: 2 };
    const q = { settings: { mode: "quality" } as const, bytes: 20_000 };
    expect(nextSettings(tiny, [q])).toEqual({ mode: "ceiling", bitrate: MIN_BITRATE });
    expect(nextSettings(tiny, [q, { settings: { mode: "ceiling", bitrate: MIN_BITRATE }, bytes: 15_000 }])).toBeNull();
  });

  it("a clip of unknown length is treated as a tenth of a second, never divided by zero", () => {
    const next = nextSettings({ ...clip, seconds: 0 }, [{ settings: { mode: "quality" }, bytes: 700_000 }]);
    expect(next).toEqual({ mode: "ceiling", bitrate: Math.round(((target * 8) / 0.1) * 0.97) });
  });

  it("keeps the first attempt that fits the budget (the best quality), else the lightest", () => {
    const q: Attempt = { settings: { mode: "quality" }, bytes: 700_000 };
    const c1: Attempt = { settings: { mode: "ceiling", bitrate: 580_000 }, bytes: 370_000 };
    const c2: Attempt = { settings: { mode: "ceiling", bitrate: 500_000 }, bytes: 250_000 };
    expect(chooseAttempt(clip, [q, c1, c2])).toBe(c1);
    const over: Attempt = { settings: { mode: "ceiling", bitrate: 580_000 }, bytes: 420_000 };
    expect(chooseAttempt(clip, [q, over])).toBe(over);
    expect(chooseAttempt(clip, [{ settings: { mode: "quality" }, bytes: 100_000 }])?.bytes).toBe(100_000);
  });
});

describe("the over-budget warning", () => {
  it("gives the figure when video + poster is over 20% of the GIF", () => {
    expect(overBudgetMessage(1_258_291, 419_430, formatBytes)).toBe("video is 33.3% of the GIF (1.20 MB → 409.6 KB)");
  });

  it("is silent at or under 20%", () => {
    expect(overBudgetMessage(1_000_000, 200_000, formatBytes)).toBeNull();
    expect(overBudgetMessage(1_000_000, 150_000, formatBytes)).toBeNull();
  });

  it("is silent when the excess is a few kilobytes on a tiny GIF, unless the video outweighs the GIF", () => {
    expect(overBudgetMessage(20_000, 12_000, formatBytes)).toBeNull();
    expect(overBudgetMessage(20_000, 21_000, formatBytes)).toBe("video is 105.0% of the GIF (19.5 KB → 20.5 KB)");
  });
});

describe("the AV1 CRF search", () => {
  const input = { gifBytes: 2_140_000, posterBytes: 5_000, seconds: 3, qualityCrf: 35, lighterBytes: 263_000 };
  /** Runs the search against a model of bytes by CRF; returns the CRFs tried and the kept attempt. */
  const run = (bytesAt: (crf: number) => number) => {
    const attempts: Attempt[] = [];
    for (let s = nextAv1Crf(input, attempts); s; s = nextAv1Crf(input, attempts)) {
      const crf = s.mode === "crf" ? s.crf : input.qualityCrf;
      attempts.push({ settings: s, bytes: Math.round(bytesAt(crf)) });
    }
    const crfs = attempts.map((a) => (a.settings.mode === "crf" ? a.settings.crf : input.qualityCrf));
    return { crfs, kept: chooseAv1Attempt(input, attempts) as Attempt };
  };
  const limit = av1LimitBytes(input);

  it("keeps the quality setting when it fits", () => {
    expect(run(() => limit - 1).crfs).toEqual([35]);
  });

  it("on TV static, whose bytes fall off a cliff, lands close under the limit within the bound instead of at the cliff", () => {
    // Measured on tv-static: 958 KB at CRF 35, 518 KB at 41, 351 KB at 44, 188 KB at 47, 72 KB at 50, 14 KB at 52.
    const table: [number, number][] = [
      [35, 958_374],
      [41, 518_214],
      [44, 351_119],
      [47, 188_102],
      [50, 72_290],
      [52, 13_994],
      [63, 1_000],
    ];
    const bytesAt = (crf: number) => {
      const i = table.findIndex(([c]) => c >= crf);
      const [c1, b1] = table[i]!;
      const [c0, b0] = table[Math.max(0, i - 1)]!;
      return c1 === c0 ? b1 : Math.exp(Math.log(b0) + ((crf - c0) / (c1 - c0)) * (Math.log(b1) - Math.log(b0)));
    };
    const { crfs, kept } = run(bytesAt);
    expect(crfs.length).toBeLessThanOrEqual(AV1_MAX_ENCODES);
    for (let i = 1; i < crfs.length; i++) expect(crfs[i]! - crfs[i - 1]!).toBeLessThanOrEqual(AV1_MAX_CRF_STEP);
    expect(kept.bytes).toBeLessThanOrEqual(limit);
    expect(kept.bytes).toBeGreaterThanOrEqual(limit * AV1_CLOSE_ENOUGH);
  });

  it("stops when the bracket closes, keeping the fit", () => {
    // 1 CRF step halves the bytes around the limit: no fit within 80% exists.
    const { crfs, kept } = run((crf) => limit * 1.5 * 2 ** -(crf - 40));
    expect(crfs.length).toBeLessThanOrEqual(AV1_MAX_ENCODES);
    expect(kept.bytes).toBeLessThanOrEqual(limit);
  });

  it("never aims above the lighter of H.264 and VP9", () => {
    expect(av1LimitBytes({ gifBytes: 1_000_000, posterBytes: 10_000, lighterBytes: 50_000 })).toBe(49_999);
    expect(av1LimitBytes({ gifBytes: 1_000_000, posterBytes: 10_000, lighterBytes: 500_000 })).toBe(190_000);
  });
});
