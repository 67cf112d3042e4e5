// Lighthouse bench: the home page and the sample story's most media-heavy
// chapter as served by `npm start`, beside a naive rendering of the same
// chapter (scripts/bench/lib/naive-chapter.ts), median of N runs each, Lighthouse's
// default mobile settings (Moto G Power viewport, simulated slow 4G + 4× CPU).
import { HEADLESS_FLAGS } from "../lib/chromium-flags";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
import type { BenchOptions } from "./types";
import { heaviestChapter } from "./lib/chapters";
import { startNaiveServer } from "./lib/naive-server";
import { ensureSampleStoryMedia, startSiteProcess } from "../lib/site-process";
import { fmtBytes, fmtMs, fmtRatio, markdownTable, median, passFail } from "./lib/stats";

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/**
 * Chromium flags for this sandbox. The host resolver rule makes every host but
 * the loopback unresolvable, so the naive page's YouTube iframe fails at once
 * and no request leaves the machine.
 */
export const CHROME_FLAGS = [...HEADLESS_FLAGS, "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1, EXCLUDE localhost"];

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

type Lhr = {
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

export async function benchLighthouse(opts: BenchOptions & { runs?: number; log?: (s: string) => void }): Promise<boolean> {
  const log = opts.log ?? ((s: string) => console.log(s));
  const runs = Math.max(1, opts.runs ?? Number(process.env.BENCH_LH_RUNS ?? 5));
  await ensureSampleStoryMedia(opts.chapters, log);
  const heavy = heaviestChapter(opts.chapters);
  log(
    `chapter: ${heavy.source.number} "${heavy.source.slug}" (${heavy.gifs.length} GIFs, ${fmtBytes(heavy.gifBytes)} of GIF, the most of any chapter)`,
  );
  log(
    `network: Chromium resolves only 127.0.0.1/localhost (--host-resolver-rules); the naive page's YouTube iframe, if any, fails at once, nothing leaves the machine`,
  );

  // BENCH_LH_NO_COOP=1: the same site without Cross-Origin-Opener-Policy, which costs points in the lab.
  const noCoop = process.env.BENCH_LH_NO_COOP === "1";
  log(`Cross-Origin-Opener-Policy: ${noCoop ? "off (BENCH_LH_NO_COOP=1)" : "same-origin (as served)"}`);
  const site = await startSiteProcess({ chapters: opts.chapters, log, env: noCoop ? { INSTALLMENT_BENCH_NO_COOP: "1" } : undefined });
  const naive = await startNaiveServer(heavy.source, opts.chapters);
  const userDataDir = mkdtempSync(path.join(tmpdir(), "installment-bench-chrome-"));
  let chrome: chromeLauncher.LaunchedChrome | null = null;
  try {
    const pages = [
      { name: "home", url: `${site.url}/` },
      { name: "chapter", url: `${site.url}/${heavy.source.slug}` },
      { name: "naive chapter", url: naive.url },
    ];
    // Render and cache both pages once, so runs measure serving, not the first render.
    for (const p of pages) {
      const r = await fetch(p.url);
      if (r.status !== 200) throw new Error(`${p.url} answered ${r.status}`);
      await r.arrayBuffer();
    }
    chrome = await chromeLauncher.launch({ chromePath: CHROMIUM, chromeFlags: CHROME_FLAGS, userDataDir, logLevel: "silent" });
    const results = new Map<string, LhFigures[]>(pages.map((p) => [p.name, []]));
    const started = Date.now();
    for (let i = 0; i < runs; i++) {
      // Interleaved, so drift on the machine touches every page alike.
      for (const p of pages) {
        const out = await lighthouse(p.url, {
          port: chrome.port,
          output: "json",
          logLevel: "error",
          onlyCategories: ["performance", "accessibility", "best-practices", "seo"],
        });
        const lhr = out?.lhr as unknown as Lhr | undefined;
        if (!lhr || lhr.runtimeError) throw new Error(`lighthouse failed on ${p.url}: ${lhr?.runtimeError?.message ?? "no result"}`);
        results.get(p.name)!.push(figuresOf(lhr));
      }
      log(`  run ${i + 1}/${runs} done (${((Date.now() - started) / 1000).toFixed(0)} s)`);
    }
    const [home, chapter, naiveFig] = pages.map((p) => medianFigures(results.get(p.name)!)) as [LhFigures, LhFigures, LhFigures];

    const goals = {
      perf: home.performance >= 95 && chapter.performance >= 95,
      cls: home.cls < 0.005 && chapter.cls < 0.005,
      lcp: home.lcp < 1800 && chapter.lcp < 1800,
      bytes: chapter.totalBytes <= naiveFig.totalBytes / 4,
    };
    const row = (
      label: string,
      f: (x: LhFigures) => string,
      ratio?: (a: LhFigures, b: LhFigures) => string,
      goal?: string,
      ok?: boolean | null,
    ) => [label, f(home), f(chapter), f(naiveFig), ratio ? ratio(chapter, naiveFig) : "", goal ?? "", goal ? passFail(ok ?? null) : ""];
    const scoreRatio = (a: LhFigures, b: LhFigures, k: keyof LhFigures) => fmtRatio(a[k], b[k]);
    log("");
    log(
      `Lighthouse ${"12"} (node API), default mobile settings with simulated throttling, median of ${runs} runs per page; Chromium at ${CHROMIUM}`,
    );
    log("");
    log(
      markdownTable(
        ["figure", "home", `chapter ${heavy.source.number}`, "naive chapter", "chapter / naive", "goal", "result"],
        [
          row(
            "performance",
            (x) => String(x.performance),
            (a, b) => scoreRatio(a, b, "performance"),
            "≥ 95 (home, chapter)",
            goals.perf,
          ),
          row(
            "accessibility",
            (x) => String(x.accessibility),
            (a, b) => scoreRatio(a, b, "accessibility"),
          ),
          row(
            "best practices",
            (x) => String(x.bestPractices),
            (a, b) => scoreRatio(a, b, "bestPractices"),
          ),
          row(
            "SEO",
            (x) => String(x.seo),
            (a, b) => scoreRatio(a, b, "seo"),
          ),
          row(
            "LCP",
            (x) => fmtMs(x.lcp),
            (a, b) => fmtRatio(a.lcp, b.lcp),
            "< 1.8 s (home, chapter)",
            goals.lcp,
          ),
          row(
            "CLS",
            (x) => x.cls.toFixed(3),
            () => "",
            "0.00 (home, chapter)",
            goals.cls,
          ),
          row(
            "TBT",
            (x) => fmtMs(x.tbt),
            (a, b) => fmtRatio(a.tbt, b.tbt),
          ),
          row(
            "bytes before scrolling (total-byte-weight)",
            (x) => fmtBytes(x.totalBytes),
            (a, b) => fmtRatio(a.totalBytes, b.totalBytes),
            "chapter ≤ ¼ naive (×0.25)",
            goals.bytes,
          ),
          row(
            "JavaScript bytes (transferred)",
            (x) => fmtBytes(x.jsBytes),
            (a, b) => fmtRatio(a.jsBytes, b.jsBytes),
          ),
          row(
            "requests",
            (x) => String(x.requests),
            (a, b) => fmtRatio(a.requests, b.requests),
          ),
        ],
        ["l", "r", "r", "r", "r", "l", "l"],
      ),
    );
    log("");
    log(
      `Bytes are Lighthouse's total-byte-weight: every byte transferred while the page loads in a phone viewport, before any scroll. ` +
        `The naive chapter is ${heavy.source.slug} rebuilt as plain HTML: original GIFs as <img> without width/height, stills as originals, any YouTube player as a direct iframe, no script of ours.`,
    );
    return goals.perf && goals.cls && goals.lcp && goals.bytes;
  } finally {
    if (chrome) {
      try {
        chrome.kill();
      } catch {
        /* already gone */
      }
    }
    rmSync(userDataDir, { recursive: true, force: true });
    await naive.close();
    await site.stop();
  }
}
