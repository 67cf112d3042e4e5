// E-book bench: builds the story's EPUB with the first 3, 6, … chapters
// released and prints its size, picture count and build time (cold: first
// render of the chapters and poster conversion; warm: built again).
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { unzipSync } from "fflate";
import { loadContent, mediaRefsOf } from "../../lib/content/load-content";
import { buildManifest } from "../../lib/server/media-manifest";
import { siteView, type SiteView } from "../../lib/site/visibility";
import { buildStoryEpub } from "../../components/epub/build-story-epub";
import { fmtBytes, fmtMs, markdownTable } from "./lib/stats";
import type { BenchOptions } from "./types";

export async function benchEpub(opts: BenchOptions): Promise<null> {
  const snapshot = await loadContent(opts.chapters, { cache: null });
  const store = mkdtempSync(path.join(os.tmpdir(), "installment-bench-epub-"));
  try {
    const { manifest } = await buildManifest(mediaRefsOf(snapshot.chapters), store);
    // Every written chapter as released: the book of the finished story, cut at each size.
    const all = siteView(snapshot, Number.MAX_SAFE_INTEGER / 2, "preview");
    if (!all) throw new Error("story.yaml is invalid: run npm run check");
    const chapters = all.chapters.map((c) => ({ ...c, state: "released" as const, releasedAt: c.releasedAt ?? 0 }));
    const sizes = [...new Set([3, 6, chapters.length].filter((n) => n <= chapters.length))];
    const rows: string[][] = [];
    for (const n of sizes) {
      const view: SiteView = { ...all, chapters: chapters.slice(0, n) };
      let t = performance.now();
      const bytes = await buildStoryEpub(view, manifest, path.join(store, "files"));
      const cold = performance.now() - t;
      t = performance.now();
      await buildStoryEpub(view, manifest, path.join(store, "files"));
      const warm = performance.now() - t;
      const pictures = Object.keys(unzipSync(bytes)).filter((k) => k.startsWith("OEBPS/images/")).length;
      rows.push([String(n), fmtBytes(bytes.length), String(pictures), fmtMs(cold), fmtMs(warm)]);
    }
    console.log(markdownTable(["chapters", "epub", "pictures", "build (cold)", "build (warm)"], rows, ["r", "r", "r", "r", "r"]));
  } finally {
    rmSync(store, { recursive: true, force: true });
  }
  return null;
}
