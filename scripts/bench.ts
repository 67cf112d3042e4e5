// Bench dispatcher.
//
//   npx tsx scripts/bench.ts [name…] [--chapters <dir>] [--story generated]      (npm run bench -- media)
//
// Runs the named benches, or all of them when none is named. A bench returns
// false when it misses its goal; the process then exits with status 1.
import path from "node:path";
import { benchMedia } from "./bench-media";
import { benchLighthouse } from "./bench-lighthouse";
import { benchJs } from "./bench-js";
import { benchServe } from "./bench-serve";
import { benchBurst } from "./bench-burst";
import { benchBuild } from "./bench-build";
import { benchEpub } from "./bench-epub";
import { isMain } from "./lib/is-main";

export interface BenchOptions {
  /** Content root (default `chapters`, or $CHAPTERS_DIR). */
  chapters: string;
  /** `--story generated`: the media bench's untuned story instead of the content root. */
  story?: "generated";
}

export type Bench = (opts: BenchOptions) => Promise<boolean | null | void>;

export const BENCHES: Record<string, Bench> = {
  media: async (opts) => (await benchMedia(opts.story ? { story: opts.story } : { chapters: opts.chapters })).pass,
  lighthouse: (opts) => benchLighthouse(opts),
  js: (opts) => benchJs(opts),
  serve: (opts) => benchServe(opts),
  burst: (opts) => benchBurst(opts),
  build: (opts) => benchBuild(opts),
  epub: (opts) => benchEpub(opts),
};

export async function runBenches(argv: string[]): Promise<number> {
  let chapters = process.env.CHAPTERS_DIR || "chapters";
  let story: BenchOptions["story"];
  const names: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    if (a === "--chapters") chapters = argv[++i] ?? chapters;
    else if (a.startsWith("--chapters=")) chapters = a.slice("--chapters=".length);
    else if (a === "--story" && argv[i + 1] === "generated") story = argv[++i] as "generated";
    else if (a === "--help" || a === "-h") {
      console.log(`usage: bench [${Object.keys(BENCHES).join("|")}]… [--chapters <dir>] [--story generated]`);
      return 0;
    } else names.push(a);
  }
  const unknown = names.filter((n) => !(n in BENCHES));
  if (unknown.length) {
    console.error(`unknown bench: ${unknown.join(", ")} (known: ${Object.keys(BENCHES).join(", ")})`);
    return 2;
  }
  const opts: BenchOptions = { chapters: path.resolve(chapters), ...(story ? { story } : {}) };
  let failed = false;
  for (const name of names.length ? names : Object.keys(BENCHES)) {
    console.log(`\n== bench: ${name} ==`);
    const ok = await BENCHES[name]!(opts);
    if (ok === false) failed = true;
  }
  return failed ? 1 : 0;
}

if (isMain(import.meta.url)) process.exitCode = await runBenches(process.argv.slice(2));
