// The figures the Lighthouse bench keeps from one report, and their median.
import { median } from "./stats";

export interface LhFigures {
  performance: number;
  accessibility: number;
  bestPractices: number;
  seo: number;
  lcp: number;
  cls: number;
  tbt: number;
  totalBytes: number;
  jsBytes: number;
  requests: number;
}

/** The part of a Lighthouse result (lhr) read here. */
export type Lhr = {
  categories: Record<string, { score: number | null }>;
  audits: Record<string, { numericValue?: number; details?: { items?: Array<Record<string, unknown>> } }>;
  runtimeError?: { message: string };
};

export function figuresOf(lhr: Lhr): LhFigures {
  const score = (id: string) => Math.round((lhr.categories[id]?.score ?? NaN) * 100);
  const num = (id: string) => lhr.audits[id]?.numericValue ?? NaN;
  const items = lhr.audits["network-requests"]?.details?.items ?? [];
  const js = items.filter((i) => i.resourceType === "Script").reduce((s, i) => s + Number(i.transferSize ?? 0), 0);
  return {
    performance: score("performance"),
    accessibility: score("accessibility"),
    bestPractices: score("best-practices"),
    seo: score("seo"),
    lcp: num("largest-contentful-paint"),
    cls: num("cumulative-layout-shift"),
    tbt: num("total-blocking-time"),
    totalBytes: num("total-byte-weight"),
    jsBytes: js,
    requests: items.length,
  };
}

export function medianFigures(runs: LhFigures[]): LhFigures {
  const keys = Object.keys(runs[0] ?? {}) as (keyof LhFigures)[];
  return Object.fromEntries(keys.map((k) => [k, median(runs.map((r) => r[k]))])) as unknown as LhFigures;
}
