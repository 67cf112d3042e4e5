// Lighthouse bench (issue 14): Lighthouse's default mobile settings (Moto G
// Power viewport, simulated slow 4G + 4× CPU), median of BENCH_LH_RUNS runs
// (default 5), every page measured in each run in turn so drift on the
// machine touches them alike:
//   - home, the heaviest chapter and a chapter ten times as long, all served
//     by one `npm start` of a copy of the story (scripts/bench/lib/long-chapter.ts);
//   - for comparison, a bare Next.js page (scripts/bench/lib/bare-next.ts) and
//     a naive rendering of the heaviest chapter (scripts/bench/lib/naive-chapter.ts).
// BENCH_LH_NO_COOP=1 serves the site without Cross-Origin-Opener-Policy.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
import type { BenchOptions } from "./types";
import { startBareNext, type BareNext } from "./lib/bare-next";
import { heaviestChapter } from "./lib/chapters";
import { CHROME_FLAGS, CHROMIUM } from "./lib/chromium";
import { figuresOf, medianFigures, type LhFigures, type Lhr } from "./lib/lighthouse-figures";
import { bytesGoalLine, bytesGoalMet, detailsTable, goalsTable, meetsGoals, type MeasuredPage } from "./lib/lighthouse-goals";
import { addLongChapter } from "./lib/long-chapter";
import { startNaiveServer, type NaiveServer } from "./lib/naive-server";
import { fmtBytes } from "./lib/stats";
import { copyStory, ensureSampleStoryMedia, startSiteProcess, type SiteProcess } from "../lib/site-process";

interface Page {
  label: string;
  url: string;
  held: boolean;
}

/** Runs Lighthouse `runs` times over every page, interleaved; the median figures of each page. */
async function measure(pages: readonly Page[], runs: number, log: (s: string) => void): Promise<MeasuredPage[]> {
  const userDataDir = mkdtempSync(path.join(tmpdir(), "installment-bench-chrome-"));
  let chrome: chromeLauncher.LaunchedChrome | null = null;
  try {
    chrome = await chromeLauncher.launch({ chromePath: CHROMIUM, chromeFlags: CHROME_FLAGS, userDataDir, logLevel: "silent" });
    const results = pages.map(() => [] as LhFigures[]);
    const started = Date.now();
    for (let i = 0; i < runs; i++) {
      for (const [k, p] of pages.entries()) {
        const out = await lighthouse(p.url, {
          port: chrome.port,
          output: "json",
          logLevel: "error",
          onlyCategories: ["performance", "accessibility", "best-practices", "seo"],
        });
        const lhr = out?.lhr as unknown as Lhr | undefined;
        if (!lhr || lhr.runtimeError) throw new Error(`lighthouse failed on ${p.url}: ${lhr?.runtimeError?.message ?? "no result"}`);
        results[k]!.push(figuresOf(lhr));
      }
      log(`  run ${i + 1}/${runs} done (${((Date.now() - started) / 1000).toFixed(0)} s)`);
    }
    return pages.map((p, k) => ({ label: p.label, held: p.held, figures: medianFigures(results[k]!) }));
  } finally {
    try {
      chrome?.kill();
    } catch {
      /* already gone */
    }
    rmSync(userDataDir, { recursive: true, force: true });
  }
}

/** Renders every page once, so runs measure serving, not a first render. */
async function warm(pages: readonly Page[]): Promise<void> {
  for (const p of pages) {
    const r = await fetch(p.url);
    if (r.status !== 200) throw new Error(`${p.url} answered ${r.status}`);
    await r.arrayBuffer();
  }
}

export async function benchLighthouse(opts: BenchOptions & { runs?: number; log?: (s: string) => void }): Promise<boolean> {
  const log = opts.log ?? ((s: string) => console.log(s));
  const runs = Math.max(1, opts.runs ?? Number(process.env.BENCH_LH_RUNS ?? 5));
  await ensureSampleStoryMedia(opts.chapters, log);
  const root = copyStory(opts.chapters);
  let site: SiteProcess | null = null;
  let naive: NaiveServer | null = null;
  let bare: BareNext | null = null;
  try {
    const heavy = heaviestChapter(root);
    const long = addLongChapter(root, heavy.source, 10);
    log(
      `chapter: ${heavy.source.number} "${heavy.source.slug}" (${heavy.gifs.length} GIFs, ${fmtBytes(heavy.gifBytes)} of GIF, the most of any chapter); ` +
        `chapter ${long.number} "${long.slug}": its body ten times, added to a copy of the story, released an hour ago`,
    );
    log(`network: Chromium resolves only 127.0.0.1/localhost (--host-resolver-rules); nothing leaves the machine`);
    // BENCH_LH_NO_COOP=1: the same site without Cross-Origin-Opener-Policy, which costs points in the lab.
    const noCoop = process.env.BENCH_LH_NO_COOP === "1";
    log(`Cross-Origin-Opener-Policy: ${noCoop ? "off (BENCH_LH_NO_COOP=1)" : "same-origin (as served)"}`);
    site = await startSiteProcess({ chapters: root, log, env: noCoop ? { INSTALLMENT_BENCH_NO_COOP: "1" } : undefined });
    naive = await startNaiveServer(heavy.source, root);
    bare = await startBareNext(log);
    const pages: Page[] = [
      { label: "home", url: `${site.url}/`, held: true },
      { label: `chapter ${heavy.source.number}`, url: `${site.url}/${heavy.source.slug}`, held: true },
      { label: `chapter ${long.number} (×10)`, url: `${site.url}/${long.slug}`, held: true },
      { label: `bare Next ${bare.version} page`, url: bare.url, held: false },
      { label: "naive chapter", url: naive.url, held: false },
    ];
    await warm(pages);
    const measured = await measure(pages, runs, log);
    const [, chapter, , , naiveFig] = measured.map((m) => m.figures) as [LhFigures, LhFigures, LhFigures, LhFigures, LhFigures];

    log("");
    log(
      `Lighthouse 12 (node API), default mobile settings with simulated throttling, median of ${runs} run(s) per page; Chromium at ${CHROMIUM}`,
    );
    log("");
    log(goalsTable(measured));
    log("");
    log(detailsTable(measured));
    log("");
    log(bytesGoalLine(chapter, naiveFig));
    log(
      `Bytes are Lighthouse's total-byte-weight: every byte transferred while the page loads in a phone viewport, before any scroll. ` +
        `The naive chapter is ${heavy.source.slug} rebuilt as plain HTML: original GIFs as <img> without width/height, stills as originals, any YouTube player as a direct iframe, no script of ours. ` +
        `The home page is the copy's, so it lists the long chapter too.`,
    );
    return measured.every((m) => !m.held || meetsGoals(m.figures)) && bytesGoalMet(chapter, naiveFig);
  } finally {
    await bare?.stop();
    await naive?.close();
    await site?.stop();
    rmSync(root, { recursive: true, force: true });
  }
}
