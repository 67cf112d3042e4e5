// Bench dispatcher.
//
//   npm run bench -- [name…] [--chapters <dir>] [--story generated]      (npm run bench -- media)
//   npm run bench -- media --jobs 1 --store <dir>                          (one GIF at a time, keep the store)
//
// Runs the named benches, or all of them when none is named. A bench returns
// false when it misses its goal; the process then exits with status 1. An
// unknown bench or option is one line on stderr and status 2.
import { Argument, CommanderError, InvalidArgumentError, Option } from "commander";
import { benchMedia } from "./media";
import { benchLighthouse } from "./lighthouse";
import { benchJs } from "./js";
import { benchServe } from "./serve";
import { benchBurst } from "./burst";
import { benchBuild } from "./build";
import { benchEpub } from "./epub";
import type { Bench, BenchOptions } from "./types";
import { isMain } from "../lib/is-main";
import { chaptersDir, chaptersOption, createProgram, exitCodeFor } from "../lib/cli";
import { readEnv } from "../../lib/env";

export const BENCHES: Record<string, Bench> = {
  media: async (opts) =>
    (
      await benchMedia({
        ...(opts.story ? { story: opts.story } : { chapters: opts.chapters }),
        ...(opts.jobs ? { jobs: opts.jobs } : {}),
        ...(opts.store ? { storeDir: opts.store } : {}),
      })
    ).pass,
  lighthouse: (opts) => benchLighthouse(opts),
  js: (opts) => benchJs(opts),
  serve: (opts) => benchServe(opts),
  burst: (opts) => benchBurst(opts),
  build: (opts) => benchBuild(opts),
  epub: (opts) => benchEpub(opts),
};

function positiveInt(v: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError("must be a whole number of at least 1");
  return n;
}

/** Parses `argv` (arguments only, no node and script) and runs the benches; resolves with the exit status. */
export async function runBenches(argv: string[], stderr: (s: string) => void = (s) => process.stderr.write(s)): Promise<number> {
  const program = createProgram("bench", "bench:", stderr)
    .description("Prints figures beside their goals; runs every bench when none is named")
    .addArgument(new Argument("[name...]", "benches to run").choices(Object.keys(BENCHES)))
    .addOption(chaptersOption())
    .addOption(
      new Option("--story <which>", "the media bench on a generated story of noisy, dithered and photographic GIFs").choices(["generated"]),
    )
    .addOption(new Option("--jobs <n>", "the media bench: GIFs transcoded at once (default one per core)").argParser(positiveInt))
    .addOption(new Option("--store <dir>", "the media bench: transcode into this store and keep it (default a fresh temp folder)"));
  let chapters: string;
  try {
    program.parse(argv, { from: "user" });
    chapters = chaptersDir((program.opts() as { chapters?: string }).chapters, readEnv());
  } catch (e) {
    const status = exitCodeFor(e);
    if (status !== 0 && !(e instanceof CommanderError)) stderr(`bench: ${e instanceof Error ? e.message : String(e)}\n`);
    return status;
  }
  const names = (program.processedArgs[0] as string[] | undefined) ?? [];
  const { story, jobs, store } = program.opts() as { story?: "generated"; jobs?: number; store?: string };
  const opts: BenchOptions = { chapters, ...(story ? { story } : {}), ...(jobs ? { jobs } : {}), ...(store ? { store } : {}) };
  let failed = false;
  for (const name of names.length ? names : Object.keys(BENCHES)) {
    console.log(`\n== bench: ${name} ==`);
    const ok = await BENCHES[name]!(opts);
    if (ok === false) failed = true;
  }
  return failed ? 1 : 0;
}

if (isMain(import.meta.url)) process.exitCode = await runBenches(process.argv.slice(2));
