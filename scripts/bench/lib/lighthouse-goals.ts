// The Lighthouse bench's goals (issue 14) and the tables that print each
// page's figures beside them. Pure: figures in, text out.
import type { LhFigures } from "./lighthouse-figures";
import { fmtBytes, fmtMs, fmtRatio, markdownTable, passFail } from "./stats";

export const LH_GOALS = {
  performance: 95,
  lcpMs: 1800,
  tbtMs: 200,
  /** CLS "0.00": anything that rounds to it. */
  clsBelow: 0.005,
  /** Bytes before scrolling of the chapter, at most this share of the naive chapter's. */
  bytesVsNaive: 0.25,
} as const;

export interface MeasuredPage {
  label: string;
  figures: LhFigures;
  /** Held to the goals (our pages); false for the pages shown for comparison. */
  held: boolean;
}

export interface GoalChecks {
  performance: boolean;
  lcp: boolean;
  tbt: boolean;
  cls: boolean;
}

export function checkGoals(f: LhFigures): GoalChecks {
  return {
    performance: f.performance >= LH_GOALS.performance,
    lcp: f.lcp <= LH_GOALS.lcpMs,
    tbt: f.tbt <= LH_GOALS.tbtMs,
    cls: f.cls < LH_GOALS.clsBelow,
  };
}

export function meetsGoals(f: LhFigures): boolean {
  return Object.values(checkGoals(f)).every(Boolean);
}

export function bytesGoalMet(chapter: LhFigures, naive: LhFigures): boolean {
  return chapter.totalBytes <= naive.totalBytes * LH_GOALS.bytesVsNaive;
}

/** One row a page: performance, LCP, TBT and CLS, each marked ✓ or ✗ on a held page; then the goals. */
export function goalsTable(pages: readonly MeasuredPage[]): string {
  const mark = (held: boolean, ok: boolean, text: string) => (held ? `${text} ${ok ? "✓" : "✗"}` : text);
  const rows = pages.map(({ label, figures: f, held }) => {
    const ok = checkGoals(f);
    return [
      label,
      mark(held, ok.performance, String(f.performance)),
      mark(held, ok.lcp, fmtMs(f.lcp)),
      mark(held, ok.tbt, fmtMs(f.tbt)),
      mark(held, ok.cls, f.cls.toFixed(3)),
      held ? passFail(meetsGoals(f)) : "for comparison",
    ];
  });
  rows.push(["goal", `≥ ${LH_GOALS.performance}`, `≤ ${fmtMs(LH_GOALS.lcpMs)}`, `≤ ${fmtMs(LH_GOALS.tbtMs)}`, "0.00", ""]);
  return markdownTable(["page", "performance", "LCP", "TBT", "CLS", "result"], rows, "lrrrrl");
}

/** The other figures of each page, for reading the goals' figures. */
export function detailsTable(pages: readonly MeasuredPage[]): string {
  const rows = pages.map(({ label, figures: f }) => [
    label,
    f.accessibility,
    f.bestPractices,
    f.seo,
    fmtBytes(f.totalBytes),
    fmtBytes(f.jsBytes),
    f.requests,
  ]);
  return markdownTable(
    ["page", "accessibility", "best practices", "SEO", "bytes before scrolling", "JavaScript (transferred)", "requests"],
    rows,
    "lrrrrrr",
  );
}

/** The bytes goal as one line: the chapter's bytes before scrolling against the naive chapter's. */
export function bytesGoalLine(chapter: LhFigures, naive: LhFigures): string {
  return (
    `bytes before scrolling, chapter / naive chapter: ${fmtRatio(chapter.totalBytes, naive.totalBytes)} ` +
    `(${fmtBytes(chapter.totalBytes)} / ${fmtBytes(naive.totalBytes)}); goal ≤ ×${LH_GOALS.bytesVsNaive.toFixed(2)}: ${passFail(bytesGoalMet(chapter, naive))}`
  );
}
