// JavaScript bench: how much JavaScript our own components ship, gzipped, on
// top of Next.js and React.
//
// Method: the built site runs (`npm start`); Chromium (phone viewport) loads a
// page, scrolls to its end, and we record every script it fetches. A chunk
// the page's HTML names (script tags, flight payload) loads at start; any
// other was fetched by a dynamic import ("lazy").
// Framework = the chunks Next lists as `rootMainFiles` (plus `polyfillFiles`)
// in .next/build-manifest.json: the Turbopack runtime, React, React DOM and
// Next's app-router client, which every page loads whatever its components.
// Everything else a page loads is counted as ours (our components and the
// libraries they import). Sizes are each chunk's bytes gzipped here at level 9
// (what a gzip-serving host would send), and the bytes the site actually sent.
import { readFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { chromium } from "playwright-core";
import type { BenchOptions } from "./types";
import { CHROME_FLAGS, CHROMIUM } from "./lib/chromium";
import { heaviestChapter } from "./lib/chapters";
import { ensureSampleStoryMedia, projectDir, startSiteProcess } from "../lib/site-process";
import { fmtBytes, markdownTable, passFail } from "./lib/stats";

export const GOAL_OURS_GZ = 30 * 1024;

export interface Chunk {
  url: string;
  /** "initial": named in the page's HTML; "lazy": fetched by a dynamic import. */
  phase: "initial" | "lazy";
  raw: number;
  gz: number;
  sent: number;
  framework: boolean;
  label: string;
}

/** Framework chunk paths ("static/chunks/x.js") from a Next build manifest. */
export function frameworkChunks(manifest: { rootMainFiles?: string[]; polyfillFiles?: string[] }): Set<string> {
  return new Set([...(manifest.rootMainFiles ?? []), ...(manifest.polyfillFiles ?? [])].map((f) => f.replace(/^\/?/, "")));
}

/** A guess at what a chunk holds, from strings minifiers keep. */
export function labelChunk(code: string): string {
  const has = (s: string) => code.includes(s);
  const parts: string[] = [];
  if (has("scrollama")) parts.push("scrollama");
  if (has("__reactContainer$")) parts.push("react-dom");
  if (has("__next_f")) parts.push("next runtime");
  if (has("data-loop-video")) parts.push("islands (one deferred script)");
  return parts.join(" + ") || "app code";
}

/** Script file names a page's HTML names (script tags, the flight payload's client references, the islands script). */
export function chunksNamedIn(html: string): Set<string> {
  return new Set([...html.matchAll(/(?:static\/chunks|_islands)\/([\w.~-]+\.js)/g)].map((m) => m[1]!));
}

async function measurePage(url: string, framework: Set<string>): Promise<Chunk[]> {
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: CHROME_FLAGS.filter((f) => !f.startsWith("--headless")),
  });
  try {
    const context = await browser.newContext({
      viewport: { width: 412, height: 823 },
      deviceScaleFactor: 1.75,
      isMobile: true,
      hasTouch: true,
    });
    const page = await context.newPage();
    const chunks: Chunk[] = [];
    const pending: Promise<void>[] = [];
    let named = new Set<string>();
    page.on("response", (response) => {
      if (response.request().resourceType() !== "script") return;
      pending.push(
        (async () => {
          const body = await response.body().catch(() => Buffer.alloc(0));
          const sizes = await response
            .request()
            .sizes()
            .catch(() => ({ responseBodySize: body.length }));
          const rel = new URL(response.url()).pathname.replace(/^\/_next\//, "");
          chunks.push({
            url: new URL(response.url()).pathname,
            phase: "initial",
            raw: body.length,
            gz: gzipSync(body, { level: 9 }).length,
            sent: sizes.responseBodySize,
            framework: framework.has(rel),
            label: labelChunk(body.toString("utf8")),
          });
        })(),
      );
    });
    const nav = await page.goto(url, { waitUntil: "load" });
    named = chunksNamedIn((await nav?.text()) ?? "");
    await page.waitForLoadState("networkidle");
    await page.waitForTimeout(500);
    await Promise.all(pending);
    // Scroll to the end in viewport steps, so every lazy part gets its chance.
    for (let i = 0; i < 200; i++) {
      const done = await page.evaluate(() => {
        window.scrollBy(0, window.innerHeight * 0.8);
        return window.scrollY + window.innerHeight >= document.documentElement.scrollHeight - 2;
      });
      await page.waitForTimeout(60);
      if (done) break;
    }
    await page.waitForLoadState("networkidle");
    await page.waitForTimeout(500);
    await Promise.all(pending);
    await context.close();
    for (const c of chunks) c.phase = named.has(path.basename(c.url)) ? "initial" : "lazy";
    return chunks;
  } finally {
    await browser.close();
  }
}

export async function benchJs(opts: BenchOptions & { log?: (s: string) => void }): Promise<boolean> {
  const log = opts.log ?? ((s: string) => console.log(s));
  await ensureSampleStoryMedia(opts.chapters, log);
  const heavy = heaviestChapter(opts.chapters);
  const site = await startSiteProcess({ chapters: opts.chapters, log });
  try {
    const manifest = JSON.parse(readFileSync(path.join(projectDir, ".next", "build-manifest.json"), "utf8")) as {
      rootMainFiles?: string[];
      polyfillFiles?: string[];
    };
    const framework = frameworkChunks(manifest);
    const pages = [
      { name: "home", url: `${site.url}/` },
      { name: `chapter ${heavy.source.number}`, url: `${site.url}/${heavy.source.slug}` },
    ];
    const results: { name: string; chunks: Chunk[] }[] = [];
    for (const p of pages) results.push({ name: p.name, chunks: await measurePage(p.url, framework) });

    const sum = (cs: Chunk[], k: "raw" | "gz" | "sent") => cs.reduce((s, c) => s + c[k], 0);
    const rows: unknown[][] = [];
    let pass = true;
    for (const r of results) {
      const initial = r.chunks.filter((c) => c.phase === "initial");
      const fw = initial.filter((c) => c.framework);
      const ours = initial.filter((c) => !c.framework);
      const lazy = r.chunks.filter((c) => c.phase === "lazy" && !c.framework);
      const ok = sum(ours, "gz") < GOAL_OURS_GZ;
      pass &&= ok;
      const total = (label: string, cs: Chunk[], goal = "", result = "") => [
        r.name,
        label,
        cs.length,
        fmtBytes(sum(cs, "raw")),
        fmtBytes(sum(cs, "gz")),
        fmtBytes(sum(cs, "sent")),
        goal,
        result,
      ];
      rows.push(
        total("framework (Next.js + React)", fw),
        total("**all JavaScript at start**", initial),
        total("**ours**, loaded at start", ours, "< 30 KB gz", passFail(ok)),
      );
      for (const c of lazy)
        rows.push([r.name, `lazy: ${c.label} (${path.basename(c.url)})`, 1, fmtBytes(c.raw), fmtBytes(c.gz), fmtBytes(c.sent), "", ""]);
      rows.push(
        lazy.length ? total("all lazy chunks (not in the goal)", lazy) : [r.name, "lazy: none after a full scroll", 0, "", "", "", "", ""],
      );
    }
    log("");
    log(markdownTable(["page", "JavaScript", "chunks", "raw", "gzip -9", "sent by the site", "goal", "result"], rows, "llrrrrll"));
    log("");
    for (const r of results) {
      const ours = r.chunks.filter((c) => c.phase === "initial" && !c.framework);
      log(
        `${r.name}, our chunks at start: ${ours.map((c) => `${path.basename(c.url)} ${fmtBytes(c.gz)} gz [${c.label}]`).join(", ") || "none"}`,
      );
      const stray = r.chunks.filter((c) => !c.framework && /react-dom|next runtime/.test(c.label));
      if (stray.length)
        log(
          `  note: ${stray.map((c) => path.basename(c.url)).join(", ")} outside rootMainFiles hold framework code; counted as ours (conservative)`,
        );
    }
    log(
      `Method: scripts fetched by Chromium (412×823 phone viewport) while loading the page and scrolling to its end; "at start" = chunks named in the page's HTML, "lazy" = chunks fetched by dynamic import. ` +
        `Framework = rootMainFiles + polyfillFiles of .next/build-manifest.json; everything else is ours. ` +
        `"sent by the site" is the encoded body size on the wire (equal to raw when the site does not compress it).`,
    );
    return pass;
  } finally {
    await site.stop();
  }
}
