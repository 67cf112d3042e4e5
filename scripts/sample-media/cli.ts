// Generates every GIF and still image the sample story in chapters/ uses.
//
//   npx tsx scripts/sample-media/cli.ts [--chapters <dir>] [--force] [--only <substring>]… [--quiet]
//
// Only missing files are made, so `npm start` and `npm test` can run it every
// time for free. Bad arguments are one line on stderr and status 2; a failed
// generation is status 1.
import path from "node:path";
import { createProgram, runCli } from "../lib/cli";
import { projectDir } from "../lib/project-dir";
import { ensureSampleMedia } from "./ensure";
import { SAMPLE_MEDIA } from "./recipes";

interface CliOptions {
  chapters?: string;
  force?: boolean;
  only: string[];
  quiet?: boolean;
}

async function make(opts: CliOptions): Promise<void> {
  const root = opts.chapters ?? (process.env.CHAPTERS_DIR || path.join(projectDir, "chapters"));
  const started = Date.now();
  const only = opts.only.length ? Object.keys(SAMPLE_MEDIA).filter((rel) => opts.only.some((o) => rel.includes(o))) : undefined;
  const { generated } = await ensureSampleMedia(root, { force: opts.force, only, log: (s) => console.log(s) });
  if (generated.length) console.log(`sample media: made ${generated.length} file(s) in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  else if (!opts.quiet) console.log("sample media: all present");
}

const program = createProgram("sample-media")
  .description("Draw the sample story's GIFs and stills with ffmpeg (only the missing ones unless --force)")
  .option("--chapters <dir>", "content root (default: $CHAPTERS_DIR or the project's chapters/)")
  .option("--force", "remake every file, even those present (same bytes every time)")
  .option("--only <substring>", "only files whose path contains it (repeatable)", (v: string, all: string[]) => [...all, v], [])
  .option("--quiet", "print nothing when every file is present")
  .action((opts: CliOptions) => make(opts));

await runCli(program);
