// Author's scaffold: `npm run new-chapter -- "Title" [--chapters <dir>] [--single-file] [--slug <slug>]`.
// Creates the next-numbered chapter (NN-slug/index.mdx, or NN-slug.mdx with
// --single-file) from a template that shows the components with the story's
// real cast, and compiles cleanly as it is. Refusals print one line and exit
// non-zero (1 for a bad title or a taken slug, 2 for bad usage).

import { existsSync, mkdirSync, rmdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { findChapters } from "../lib/content/find-chapters";
import { loadStory } from "../lib/content/load-story";
import { formatDiagnostic } from "../lib/content/format-diagnostic";
import { chapterTemplate, slugify } from "../lib/content/chapter-template";
import { isReservedName } from "../lib/site/routes";
import { readEnv } from "../lib/env";
import { chaptersDir, chaptersOption, CliError, createProgram, runCli, UsageError } from "./lib/cli";

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

function rel(file: string): string {
  const r = path.relative(process.cwd(), file);
  return (r === "" || r.startsWith("..") ? file : r).split(path.sep).join("/");
}

function create(titleArg: string, opts: { chapters?: string; singleFile?: boolean; slug?: string }): void {
  const title = titleArg.trim();
  if (title === "") throw new CliError(`the title is empty: npm run new-chapter -- "The Title"`);
  if (/[\r\n]/.test(title)) throw new CliError(`the title ${JSON.stringify(titleArg)} spans several lines; give it on one line`);
  const root = chaptersDir(opts.chapters, readEnv());

  const slug = opts.slug ?? slugify(title);
  if (opts.slug !== undefined && !SLUG.test(opts.slug)) {
    throw new UsageError(`--slug "${opts.slug}" is not a slug: use lowercase letters, digits and single dashes`);
  }
  if (slug === "") throw new CliError(`cannot make a slug from the title "${title}": pass --slug <lowercase-words>`);
  if (isReservedName(slug)) throw new CliError(`slug "${slug}" is a path the site already uses (/${slug}); pass --slug <another>`);

  const found = findChapters(root);
  const taken = found.chapters.find((c) => c.slug === slug);
  if (taken) throw new CliError(`slug "${slug}" is taken by ${rel(taken.file)}; choose another title or pass --slug <another>`);

  const { story, diagnostics } = loadStory(root);
  if (!story) {
    const first = diagnostics[0];
    throw new CliError(
      `story.yaml must be valid before adding a chapter (the template uses its cast): ${first ? formatDiagnostic(first, process.cwd()) : "unknown problem"}`,
    );
  }

  const last = found.chapters[found.chapters.length - 1];
  const number = (last?.number ?? 0) + 1;
  // Match the padding already in use (01- or 001-), at least two digits.
  const width = Math.max(2, ...found.chapters.map((c) => /^\d+/.exec(path.basename(c.relPath.split("/")[0]!))?.[0].length ?? 0));
  const name = `${String(number).padStart(width, "0")}-${slug}`;
  const dir = path.join(root, name);
  const file = opts.singleFile ? path.join(root, `${name}.mdx`) : path.join(dir, "index.mdx");
  if (existsSync(dir) || existsSync(path.join(root, `${name}.mdx`)))
    throw new CliError(`${rel(existsSync(dir) ? dir : file)} already exists`);

  const text = chapterTemplate({ title, cast: Object.values(story.cast), linkSlug: last?.slug });
  let madeDir = false;
  try {
    if (!opts.singleFile) {
      mkdirSync(dir);
      madeDir = true;
    }
    writeFileSync(file, text, { flag: "wx" });
  } catch (e) {
    if (madeDir) rmdirSync(dir);
    const err = e as NodeJS.ErrnoException;
    throw new CliError(`cannot create ${rel(file)}: ${err.code ?? err.message}`);
  }

  process.stdout.write(
    `Created ${rel(file)} (chapter ${number}, "${title}")\n` +
      `Next: write it, then preview it with npm run dev at http://localhost:3000/${slug}; ` +
      `it is a draft until you add it to schedule.yaml (npm run schedule -- plan --from ${number} …). ` +
      `npm run check validates it.\n`,
  );
}

const program = createProgram("new-chapter")
  .description("Create the next-numbered chapter from a template that shows the components")
  .argument("<title>", "the chapter's title; the slug (its URL) is made from it")
  .addOption(chaptersOption())
  .option("--single-file", "create NN-slug.mdx instead of NN-slug/index.mdx (no media folder)")
  .option("--slug <slug>", "the chapter's slug, instead of one made from the title")
  .action(create);

void runCli(program);
