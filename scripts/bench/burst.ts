// Burst bench (issue 4, "done when" 5): a story whose next chapter releases a
// few seconds ahead on the real clock; at the instant, waves of 200 concurrent
// readers (each on a new connection) hit the new chapter and the home page for
// about 5 s. Counts statuses, 5xx, connection errors, latency, and renders.
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { request } from "node:http";
import path from "node:path";
import type { BenchOptions } from "./types";
import { findChapters } from "../../lib/content/find-chapters";
import { copyStory, ensureSampleStoryMedia, projectDir, startSiteProcess } from "../lib/site-process";
import { fmtCounts, markdownTable, passFail, percentile } from "./lib/stats";
import { rescheduleChapter } from "./lib/schedule-edit";

export interface Shot {
  target: "chapter" | "home";
  sentAt: number;
  /** When the response ended (epoch ms). */
  doneAt: number;
  ms: number;
  status: number | null;
  error: string | null;
}

/** One GET on its own connection (no keep-alive), like a new reader. */
function shoot(url: string, target: Shot["target"], timeoutMs = 15_000): Promise<Shot> {
  const sentAt = Date.now();
  const t0 = process.hrtime.bigint();
  return new Promise((resolve) => {
    const done = (status: number | null, error: string | null) =>
      resolve({ target, sentAt, doneAt: Date.now(), ms: Number(process.hrtime.bigint() - t0) / 1e6, status, error });
    const req = request(url, { agent: false, headers: { "accept-encoding": "gzip", accept: "text/html" } }, (res) => {
      res.on("data", () => {});
      res.on("end", () => done(res.statusCode ?? 0, null));
      res.on("error", (e: NodeJS.ErrnoException) => done(res.statusCode ?? 0, e.code ?? e.message));
    });
    req.setTimeout(timeoutMs, () => req.destroy(Object.assign(new Error("timeout"), { code: "TIMEOUT" })));
    req.on("error", (e: NodeJS.ErrnoException) => done(null, e.code ?? e.message));
    req.end();
  });
}

export async function benchBurst(
  opts: BenchOptions & { log?: (s: string) => void; concurrency?: number; seconds?: number; leadSeconds?: number },
): Promise<boolean> {
  const log = opts.log ?? ((s: string) => console.log(s));
  const concurrency = opts.concurrency ?? 200;
  const seconds = opts.seconds ?? 5;
  const lead = opts.leadSeconds ?? 15;
  await ensureSampleStoryMedia(opts.chapters, log);
  const root = copyStory(opts.chapters);
  const last = Math.max(...findChapters(root).chapters.map((c) => c.number));
  const chapter = findChapters(root).chapters.find((c) => c.number === last)!;
  const scheduleFile = path.join(root, "schedule.yaml");
  const original = readFileSync(scheduleFile, "utf8");
  // Start with the chapter a day away, then move it to now + lead once the
  // site is up (the running server picks the edit up, as with an editor's),
  // so a slow first start (media transcode) cannot eat the lead.
  writeFileSync(scheduleFile, rescheduleChapter(original, last, new Date(Date.now() + 86_400_000).toISOString().replace(/\.\d+Z$/, "Z")));
  const site = await startSiteProcess({
    chapters: root,
    script: path.join(projectDir, "scripts", "bench", "lib", "counting-start.ts"),
    log,
  });
  try {
    const base = `http://127.0.0.1:${site.port}`;
    const chapterUrl = `${base}/${chapter.slug}`;
    const before = await shoot(chapterUrl, "chapter");
    if (before.status !== 404)
      throw new Error(`${chapter.slug} should answer 404 a day before its release, got ${before.status ?? before.error}`);
    const instant = Math.ceil((Date.now() + lead * 1000) / 1000) * 1000;
    const iso = new Date(instant).toISOString().replace(/\.000Z$/, "Z");
    writeFileSync(scheduleFile, rescheduleChapter(original, last, iso));
    log(
      `chapter ${last} "${chapter.slug}" now releases at ${iso} (real clock, ${lead} s ahead); waves of ${concurrency} concurrent new connections from 1 s before to ${seconds} s after`,
    );
    const warmed = site.waitForLine((l) => l.includes('"warmed"'), (lead + 10) * 1000).catch(() => null);

    await new Promise((r) => setTimeout(r, Math.max(0, instant - 1000 - Date.now())));
    const shots: Shot[] = [];
    let waves = 0;
    while (Date.now() < instant + seconds * 1000) {
      const wave: Promise<Shot>[] = [];
      for (let i = 0; i < concurrency; i++) wave.push(shoot(i % 4 === 3 ? `${base}/` : chapterUrl, i % 4 === 3 ? "home" : "chapter"));
      shots.push(...(await Promise.all(wave)));
      waves++;
    }
    const warmedLine = await warmed;
    await new Promise((r) => setTimeout(r, 200));

    const renders = site.output
      .filter((l) => l.includes('"bench-render"'))
      .map((l) => {
        try {
          return JSON.parse(l) as { url: string; status: number; ms: number; at: number };
        } catch {
          return null;
        }
      })
      .filter((r): r is { url: string; status: number; ms: number; at: number } => r !== null);
    const pre = shots.filter((s) => s.sentAt < instant);
    const post = shots.filter((s) => s.sentAt >= instant);
    const count = (xs: Shot[]) => {
      const m = new Map<string, number>();
      for (const s of xs) {
        const k = s.status !== null ? String(s.status) : `error ${s.error}`;
        m.set(k, (m.get(k) ?? 0) + 1);
      }
      return m;
    };
    const fivexx = shots.filter((s) => s.status !== null && s.status >= 500).length;
    const connErrors = shots.filter((s) => s.error !== null).length;
    const postNot200 = post.filter((s) => s.status !== 200).length;
    const preBad = pre.filter((s) => !(s.status === 200 || (s.status === 404 && s.target === "chapter"))).length;
    const lat = post.filter((s) => s.status !== null).map((s) => s.ms);
    const rendersAfter = renders.filter((r) => r.at >= instant);
    const rendersWindow = renders.filter((r) => r.at >= instant - 5000);
    // A chapter answered 200 with the whole answer back before the instant would be a leak.
    const early = shots.filter((s) => s.target === "chapter" && s.status === 200 && s.doneAt < instant).length;
    const ok = early === 0 && fivexx === 0 && connErrors === 0 && postNot200 === 0 && preBad === 0;

    log("");
    log(
      markdownTable(
        ["figure", "value", "goal", "result"],
        [
          ["requests (waves × concurrent)", `${shots.length} (${waves} × ${concurrency}; ¾ chapter, ¼ home)`, "", ""],
          [
            "sent before the instant: statuses",
            `chapter ${fmtCounts(count(pre.filter((s) => s.target === "chapter")))}; home ${fmtCounts(count(pre.filter((s) => s.target === "home")))}`,
            "404 or 200 only",
            passFail(preBad === 0),
          ],
          [
            "sent at/after the instant: statuses",
            `chapter ${fmtCounts(count(post.filter((s) => s.target === "chapter")))}; home ${fmtCounts(count(post.filter((s) => s.target === "home")))}`,
            "200 only",
            passFail(postNot200 === 0),
          ],
          ["chapter answered 200 before the instant (leak)", early, "0", passFail(early === 0)],
          ["5xx", fivexx, "0", passFail(fivexx === 0)],
          ["connection errors (reset, refused, timeout)", connErrors, "0", passFail(connErrors === 0)],
          [
            "latency after the instant p50 / p99 / max",
            `${percentile(lat, 50).toFixed(1)} ms / ${percentile(lat, 99).toFixed(1)} ms / ${Math.max(...lat).toFixed(1)} ms`,
            "",
            "",
          ],
          ["warm-up before the instant", warmedLine ? warmedLine.replace(/^.*?(\{)/, "$1") : "no `warmed` line seen", "", ""],
          [
            "renders from 5 s before the instant to the end",
            `${rendersWindow.length} (${fmtCounts(rendersWindow.reduce((m, r) => m.set(r.url, (m.get(r.url) ?? 0) + 1), new Map<string, number>()))})`,
            "",
            "",
          ],
          [
            "renders after the instant (cache misses during the burst)",
            `${rendersAfter.length}${rendersAfter.length ? ` (${rendersAfter.map((r) => `${r.url} ${r.status}`).join(", ")})` : ""}`,
            "",
            "",
          ],
        ],
        ["l", "l", "l", "l"],
      ),
    );
    log("");
    log(
      "Each request is a new TCP connection to 127.0.0.1 (a new reader); a request counts as before the instant when it was sent before it (one sent just before may be handled, and answered 200, just after). Renders are counted by a wrapper around the edge's page cache (scripts/bench/lib/counting-start.ts).",
    );
    return ok;
  } finally {
    await site.stop();
    rmSync(root, { recursive: true, force: true });
  }
}
