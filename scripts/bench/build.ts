// Build bench. The Next build holds code only (chapters render from the
// in-process store at request time), so what grows with a story is the
// content build: compiling chapters (loadContent with a compile cache) and
// transcoding their media. Measured cold (empty INSTALLMENT_CACHE_DIR) and
// after one chapter changes, for the sample story and for generated stories of
// 10, 100 and 500 chapters. `next build` is timed once, cold, in a throwaway
// copy of the code (the shared .next is left alone).
import { spawnSync } from "node:child_process";
import { appendFileSync, cpSync, existsSync, mkdtempSync, rmSync, mkdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { BenchOptions } from "./types";
import { createCompileCache } from "../../lib/content/compile-cache";
import { findChapters } from "../../lib/content/find-chapters";
import { loadContent, mediaRefsOf } from "../../lib/content/load-content";
import { processMedia } from "../../lib/media/process";
import { generatedChapterDir, generatedChapterMdx, writeGeneratedStory } from "./lib/generate-story";
import { copyStory, ensureSampleStoryMedia, projectDir } from "../lib/site-process";
import { fmtMs, growthExponent, markdownTable, passFail } from "./lib/stats";

interface BuildTimes {
  chapters: number;
  ok: number;
  compileMs: number;
  mediaMs: number;
  compiled: number;
  gifs: number;
}

async function contentBuild(root: string, cacheDir: string): Promise<BuildTimes> {
  const t0 = performance.now();
  const snap = await loadContent(root, { cache: createCompileCache(path.join(cacheDir, "compiled")) });
  const t1 = performance.now();
  const refs = mediaRefsOf(snap.chapters);
  if (refs.length) await processMedia(refs, { storeDir: path.join(cacheDir, "media"), progressBar: false });
  const t2 = performance.now();
  return {
    chapters: snap.chapters.length,
    ok: snap.chapters.filter((c) => c.ok).length,
    compileMs: t1 - t0,
    mediaMs: refs.length ? t2 - t1 : 0,
    compiled: snap.stats.compiled,
    gifs: refs.filter((r) => r.kind === "gif").length,
  };
}

/** Cold build, then the rebuild after `edit` changed one chapter, in fresh temp cache. */
async function coldAndRebuild(root: string, edit: () => void): Promise<{ cold: BuildTimes; rebuild: BuildTimes }> {
  const cache = mkdtempSync(path.join(tmpdir(), "installment-bench-cache-"));
  try {
    const cold = await contentBuild(root, cache);
    edit();
    const rebuild = await contentBuild(root, cache);
    return { cold, rebuild };
  } finally {
    rmSync(cache, { recursive: true, force: true });
  }
}

/** `next build` from scratch in a throwaway copy of the code; null with a reason when it cannot run. */
export function coldNextBuild(log: (s: string) => void): { ms: number } | { error: string } {
  // Inside the project (ignored .cache), so Turbopack resolves node_modules
  // from the project's own folder, as in a real build; .next stays untouched.
  const parent = path.join(projectDir, ".cache");
  mkdirSync(parent, { recursive: true });
  const dir = mkdtempSync(path.join(parent, "bench-next-build-"));
  try {
    for (const e of ["app", "components", "lib", "public", "next.config.mjs", "tsconfig.json", "package.json", "next-env.d.ts"]) {
      if (existsSync(path.join(projectDir, e))) cpSync(path.join(projectDir, e), path.join(dir, e), { recursive: true });
    }
    log("  next build (cold, in a throwaway copy of the code under .cache/)…");
    const t0 = performance.now();
    const r = spawnSync(process.execPath, [path.join(projectDir, "node_modules", "next", "dist", "bin", "next"), "build"], {
      cwd: dir,
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", NODE_ENV: "production" },
      encoding: "utf8",
      timeout: 600_000,
    });
    const ms = performance.now() - t0;
    if (r.status !== 0)
      return { error: `next build exited with ${r.status}: ${(r.stderr || r.stdout || "").trim().split("\n").slice(-3).join(" / ")}` };
    return { ms };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function benchBuild(opts: BenchOptions & { sizes?: number[]; log?: (s: string) => void }): Promise<boolean> {
  const log = opts.log ?? ((s: string) => console.log(s));
  const sizes = opts.sizes ?? [10, 100, 500];
  await ensureSampleStoryMedia(opts.chapters, log);
  const rows: unknown[][] = [];
  const row = (story: string, kind: string, t: BuildTimes) => [
    story,
    kind,
    t.chapters,
    t.compiled,
    t.gifs,
    fmtMs(t.compileMs),
    t.gifs ? fmtMs(t.mediaMs) : "–",
    fmtMs(t.compileMs + t.mediaMs),
    `${((t.compileMs + t.mediaMs) / Math.max(1, t.chapters)).toFixed(1)} ms`,
  ];

  // The sample story, media included.
  log("  sample story…");
  const sample = copyStory(opts.chapters);
  try {
    const { cold, rebuild } = await coldAndRebuild(sample, () => {
      const first = findChapters(sample).chapters[0];
      if (!first) throw new Error(`no chapter under ${sample}`);
      appendFileSync(first.file, "\n<Pause />\n\n<Dialogue>\nPIP: One more thing, for the bench.\n</Dialogue>\n");
    });
    rows.push(row("sample", "cold (empty cache)", cold), row("sample", "after one chapter edit", rebuild));
  } finally {
    rmSync(sample, { recursive: true, force: true });
  }

  // Generated stories.
  const points: { n: number; cold: number; rebuild: number; compiled: number }[] = [];
  for (const n of sizes) {
    log(`  generated story of ${n} chapters…`);
    const root = mkdtempSync(path.join(tmpdir(), `installment-bench-gen${n}-`));
    try {
      writeGeneratedStory(root, n);
      const mid = Math.ceil(n / 2);
      const { cold, rebuild } = await coldAndRebuild(root, () =>
        writeFileSync(path.join(root, generatedChapterDir(mid), "index.mdx"), generatedChapterMdx(mid, 1)),
      );
      if (cold.ok !== n) throw new Error(`generated story of ${n}: only ${cold.ok} chapters compiled`);
      rows.push(row(`generated ${n}`, "cold (empty cache)", cold), row(`generated ${n}`, "after one chapter edit", rebuild));
      points.push({ n, cold: cold.compileMs, rebuild: rebuild.compileMs, compiled: rebuild.compiled });
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  }

  const next = process.env.BENCH_SKIP_NEXT_BUILD === "1" ? { error: "skipped (BENCH_SKIP_NEXT_BUILD=1)" } : coldNextBuild(log);

  const coldK = growthExponent(points.map((p) => ({ n: p.n, cost: p.cold })));
  const rebuildK = growthExponent(points.map((p) => ({ n: p.n, cost: p.rebuild })));
  const small = points[0];
  const big = points[points.length - 1];
  const linearOk = coldK <= 1.15;
  // One edit recompiles one chapter whatever the story's size; what is left
  // grows only with the hashing of unchanged files and cache reads.
  const oneCompiled = points.every((p) => p.compiled === 1);
  const rebuildOk = oneCompiled && !!small && !!big && big.rebuild < big.cold / 5;

  log("");
  log(markdownTable(["story", "build", "chapters", "compiled", "GIFs", "compile", "media", "total", "per chapter"], rows, "llrrrrrrr"));
  log("");
  log(
    markdownTable(
      ["figure", "value", "goal", "result"],
      [
        [
          `cold compile growth, cost ∝ n^k over n = ${sizes.join(", ")}`,
          `k = ${coldK.toFixed(2)}`,
          "k ≤ 1 (linear or better; 1.15 allowed for noise)",
          passFail(linearOk),
        ],
        [
          `rebuild after one edit, ${small?.n} vs ${big?.n} chapters`,
          small && big
            ? `${fmtMs(small.rebuild)} vs ${fmtMs(big.rebuild)} (k = ${rebuildK.toFixed(2)}; ${fmtMs(big.cold)} cold); chapters recompiled: ${points.map((p) => p.compiled).join(", ")}`
            : "n/a",
          "1 chapter recompiled; far below a cold build",
          passFail(rebuildOk),
        ],
        [
          "next build (code only, content-independent)",
          "ms" in next ? `${fmtMs(next.ms)} cold, in a throwaway copy of the code under .cache/` : `n/a: ${next.error}`,
          "",
          "",
        ],
      ],
      "llll",
    ),
  );
  log("");
  log(
    "Times are wall-clock on this machine (2 cores) with lib/content/load-content.ts loadContent() and a fresh compile cache, then lib/media processMedia() into a fresh store; " +
      "the rebuild reuses both after editing one chapter. The site does this at start and on every content change, with no next build.",
  );
  return linearOk && rebuildOk;
}
