// Serving bench: requests/s and p99 latency of `npm start` on a released
// chapter page with 50 concurrent clients (autocannon), beside a bare Node
// http server handing out the same bytes from memory, in the same run.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { BenchOptions } from "./types";
import { heaviestChapter } from "./lib/chapters";
import { rawGet, runAutocannon, startBareServer, type AutocannonResult } from "./lib/load";
import { ensureSampleStoryMedia, startSiteProcess } from "../lib/site-process";
import { fmtBytes, fmtRatio, markdownTable } from "./lib/stats";

export async function benchServe(
  opts: BenchOptions & { seconds?: number; connections?: number; log?: (s: string) => void },
): Promise<null> {
  const log = opts.log ?? ((s: string) => console.log(s));
  const seconds = opts.seconds ?? Number(process.env.BENCH_SERVE_SECONDS ?? 10);
  const connections = opts.connections ?? 50;
  await ensureSampleStoryMedia(opts.chapters, log);
  const heavy = heaviestChapter(opts.chapters);
  const site = await startSiteProcess({ chapters: opts.chapters, log });
  const tmp = mkdtempSync(path.join(tmpdir(), "installment-bench-serve-"));
  let bare: Awaited<ReturnType<typeof startBareServer>> | null = null;
  try {
    const siteUrl = `http://127.0.0.1:${site.port}/${heavy.source.slug}`;
    const headers = { "accept-encoding": "gzip", accept: "text/html" };
    const page = await rawGet(siteUrl, headers);
    if (page.status !== 200) throw new Error(`${siteUrl} answered ${page.status}`);
    bare = await startBareServer(page, path.join(tmp, "body"));
    const targets = [
      { name: "npm start (edge + page cache)", url: siteUrl },
      { name: "bare node:http, same bytes from memory", url: `${bare.url}/${heavy.source.slug}` },
    ];
    const results: AutocannonResult[] = [];
    for (const t of targets) {
      await runAutocannon({ url: t.url, connections, duration: 2, headers }); // warm-up, not counted
      results.push(await runAutocannon({ url: t.url, connections, duration: seconds, headers }));
    }
    const [s, b] = results as [AutocannonResult, AutocannonResult];
    const row = (name: string, r: AutocannonResult) => [
      name,
      r.requests.mean.toFixed(0),
      `${r.latency.p50} ms`,
      `${r.latency.p99} ms`,
      r.requests.total,
      r.non2xx,
      r.errors + r.timeouts,
    ];
    log("");
    log(
      `GET /${heavy.source.slug} (released chapter, ${fmtBytes(page.body.length)} gzipped HTML, accept-encoding: gzip), ${connections} connections, ${seconds} s each after a 2 s warm-up, autocannon, 127.0.0.1; same machine, one after the other`,
    );
    log("");
    log(
      markdownTable(
        ["server", "requests/s (mean)", "p50 latency", "p99 latency", "requests", "non-2xx", "errors"],
        [
          row(targets[0]!.name, s),
          row(targets[1]!.name, b),
          [
            "ratio npm start / bare",
            fmtRatio(s.requests.mean, b.requests.mean),
            fmtRatio(s.latency.p50, b.latency.p50),
            fmtRatio(s.latency.p99, b.latency.p99),
            "",
            "",
            "",
          ],
        ],
        "lrrrrrr",
      ),
    );
    log("");
    log(
      "No goal is set for this figure in the issue; it shows what the edge (guard, release check, cache lookup, headers) costs over handing out bytes.",
    );
    return null;
  } finally {
    await bare?.stop();
    await site.stop();
    rmSync(tmp, { recursive: true, force: true });
  }
}
