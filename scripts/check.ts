// Author's and editor's check: `npm run check [-- --chapters <dir>]`.
// Validates story.yaml, schedule.yaml and every chapter, plus cast colour
// contrast and links between chapters. Prints every problem as
// `path:line:column  message`, then a summary. Exit 1 on any error, 0
// otherwise; bad arguments print one line and exit 2, never a stack trace.
// Writes nothing into the content root (compiled chapters go to the cache).

import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { loadContent } from "../lib/content/load-content";
import { createCompileCache, type CompileCache } from "../lib/content/compile-cache";
import { displayPath, formatDiagnostic } from "../lib/content/format-diagnostic";
import { loadNotifyFile } from "../lib/server/notify-config-file";
import { checkCastContrast } from "../lib/content/contrast";
import { checkChapterLinks } from "../lib/content/check-links";
import type { ChapterSource, Diagnostic } from "../lib/content/types";
import { cacheLayout } from "../lib/cache-layout";
import { cacheRoot, readEnv, type Env } from "../lib/env";
import { chaptersDir, chaptersOption, createProgram, runCli, UsageError } from "./lib/cli";

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

interface CheckResult {
  diagnostics: Diagnostic[];
  chapters: number;
  fromCache: number;
  hasSchedule: boolean;
}

/** Everything `check` finds in a content root, unsorted. */
async function checkContent(root: string, cache: CompileCache | null): Promise<CheckResult> {
  const snapshot = await loadContent(root, { cache });
  const diagnostics: Diagnostic[] = [...snapshot.diagnostics];
  const sources: ChapterSource[] = [];
  for (const c of snapshot.chapters) {
    if (c.ok) {
      diagnostics.push(...c.warnings);
      sources.push(c.chapter.source);
    } else {
      diagnostics.push(...c.diagnostics);
      sources.push(c.source);
    }
  }

  const storyFile = path.join(root, "story.yaml");
  if (existsSync(storyFile)) diagnostics.push(...checkCastContrast(readFileSync(storyFile, "utf8"), storyFile));
  diagnostics.push(...loadNotifyFile(root).diagnostics);

  diagnostics.push(...checkChapterLinks(snapshot.chapters));

  return {
    diagnostics: dedupe(diagnostics),
    chapters: sources.length,
    fromCache: snapshot.stats.cached,
    hasSchedule: existsSync(path.join(root, "schedule.yaml")),
  };
}

function dedupe(list: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return list.filter((d) => {
    const key = `${d.file}:${d.line}:${d.column}:${d.severity}:${d.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function openCache(env: Env): { cache: CompileCache | null; note: string | null } {
  const dir = cacheLayout(cacheRoot(env)).compiled;
  try {
    return { cache: createCompileCache(dir), note: null };
  } catch (e) {
    // A read-only machine still gets a check, only a slower one.
    return { cache: null, note: `cache ${dir} is not writable (${(e as NodeJS.ErrnoException).code ?? "error"}); compiling without it` };
  }
}

async function run(opts: { chapters?: string; cache: boolean }, extra: string[]): Promise<void> {
  if (extra.length > 0) throw new UsageError(`unexpected argument "${extra[0]}"; use --chapters <dir> to check another folder`);
  const started = performance.now();
  const env = readEnv();
  const root = chaptersDir(opts.chapters, env);
  const { cache, note } = opts.cache ? openCache(env) : { cache: null, note: null };
  const result = await checkContent(root, cache);
  const base = path.dirname(root);
  const shown = (d: Diagnostic) => ({ file: displayPath(d.file, base), line: formatDiagnostic(d, base) });
  const rows = result.diagnostics
    .map((d) => ({ d, ...shown(d) }))
    .sort((x, y) => (x.file < y.file ? -1 : x.file > y.file ? 1 : 0) || x.d.line - y.d.line || x.d.column - y.d.column);

  const out: string[] = rows.map((r) => r.line);
  const errors = result.diagnostics.filter((d) => d.severity === "error").length;
  const warnings = result.diagnostics.length - errors;
  const files = new Set(rows.map((r) => r.file)).size;
  const what =
    `${plural(result.chapters, "chapter")}, story ${result.hasSchedule ? "and schedule are" : "is"} valid` +
    (result.hasSchedule ? "" : " (no schedule.yaml: every chapter is a draft)");
  if (rows.length > 0) out.push("");
  if (errors > 0) {
    out.push(
      `✖ ${plural(rows.length, "problem")} (${plural(errors, "error")}, ${plural(warnings, "warning")}) in ${plural(files, "file")}`,
    );
  } else if (warnings > 0) {
    out.push(`✔ ${what}, with ${plural(warnings, "warning")} in ${plural(files, "file")}`);
  } else {
    out.push(`✔ ${what}`);
  }
  const ms = Math.round(performance.now() - started);
  out.push(`checked in ${ms} ms, ${result.fromCache} from cache` + (note ? `; ${note}` : opts.cache ? "" : " (--no-cache)"));
  process.stdout.write(out.join("\n") + "\n");
  process.exitCode = errors > 0 ? 1 : 0;
}

const program = createProgram("check")
  .description("Validate story.yaml, schedule.yaml and every chapter; print every problem as path:line:column  message")
  .addOption(chaptersOption())
  .option("--no-cache", "compile every chapter, ignoring the compile cache")
  .argument("[extra...]")
  .action((extra: string[], opts: { chapters?: string; cache: boolean }) => run(opts, extra));

void runCli(program);
