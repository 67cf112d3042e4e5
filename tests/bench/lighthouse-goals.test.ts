import { describe, expect, it } from "vitest";
import { figuresOf, medianFigures, type LhFigures } from "../../scripts/bench/lib/lighthouse-figures";
import { bytesGoalMet, checkGoals, goalsTable, meetsGoals } from "../../scripts/bench/lib/lighthouse-goals";

const good: LhFigures = {
  performance: 97,
  accessibility: 100,
  bestPractices: 100,
  seo: 100,
  lcp: 1200,
  cls: 0,
  tbt: 40,
  totalBytes: 100_000,
  jsBytes: 7_000,
  requests: 4,
};

describe("Lighthouse goals", () => {
  it("performance ≥ 95, LCP ≤ 1.8 s, TBT ≤ 200 ms and CLS 0.00, each at its edge", () => {
    expect(meetsGoals({ ...good, performance: 95, lcp: 1800, tbt: 200, cls: 0.0049 })).toBe(true);
    expect(checkGoals({ ...good, performance: 94 })).toMatchObject({ performance: false, lcp: true, tbt: true, cls: true });
    expect(checkGoals({ ...good, lcp: 1801 }).lcp).toBe(false);
    expect(checkGoals({ ...good, tbt: 201 }).tbt).toBe(false);
    expect(checkGoals({ ...good, cls: 0.005 }).cls).toBe(false);
    expect(checkGoals({ ...good, lcp: NaN }).lcp).toBe(false);
  });

  it("the chapter's bytes before scrolling at most a quarter of the naive chapter's", () => {
    expect(bytesGoalMet({ ...good, totalBytes: 250 }, { ...good, totalBytes: 1000 })).toBe(true);
    expect(bytesGoalMet({ ...good, totalBytes: 251 }, { ...good, totalBytes: 1000 })).toBe(false);
  });

  it("prints each page's figures beside the goals, marking only the pages held to them", () => {
    const table = goalsTable([
      { label: "home", figures: good, held: true },
      { label: "chapter 5", figures: { ...good, performance: 80, tbt: 900 }, held: true },
      { label: "bare Next", figures: { ...good, performance: 70 }, held: false },
    ]).split("\n");
    expect(table[0]).toMatch(/^\| page +\| performance \| +LCP \| +TBT \| +CLS \| result/);
    expect(table[2]).toMatch(/^\| home +\| +97 ✓ \| +1\.20 s ✓ \| +40 ms ✓ \| +0\.000 ✓ \| PASS/);
    expect(table[3]).toMatch(/^\| chapter 5 +\| +80 ✗ \| +1\.20 s ✓ \| +900 ms ✗ \| +0\.000 ✓ \| FAIL/);
    expect(table[4]).toMatch(/^\| bare Next +\| +70 \| +1\.20 s \| +40 ms \| +0\.000 \| for comparison/);
    expect(table[5]).toMatch(/^\| goal +\| +≥ 95 \| +≤ 1\.80 s \| +≤ 200 ms \| +0\.00 \|/);
  });

  it("reads a report's figures and takes their median", () => {
    const lhr = (score: number, lcp: number) => ({
      categories: { performance: { score }, accessibility: { score: 1 }, "best-practices": { score: 1 }, seo: { score: 1 } },
      audits: {
        "largest-contentful-paint": { numericValue: lcp },
        "cumulative-layout-shift": { numericValue: 0 },
        "total-blocking-time": { numericValue: 10 },
        "total-byte-weight": { numericValue: 5000 },
        "network-requests": {
          details: {
            items: [
              { resourceType: "Document", transferSize: 4000 },
              { resourceType: "Script", transferSize: 1000 },
            ],
          },
        },
      },
    });
    const runs = [lhr(0.9, 1500), lhr(0.99, 1100), lhr(0.95, 2000)].map(figuresOf);
    expect(runs[0]).toMatchObject({ performance: 90, lcp: 1500, jsBytes: 1000, requests: 2 });
    expect(medianFigures(runs)).toMatchObject({ performance: 95, lcp: 1500 });
  });
});
