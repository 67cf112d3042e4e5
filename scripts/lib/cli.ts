// What every command-line script shares: commander set up to print one line
// per mistake, the exit codes (2: the command line is wrong, 1: the work
// failed, 0: done) and the one error printer.
import { existsSync, statSync } from "node:fs";
import path from "node:path";
import { Command, CommanderError, InvalidArgumentError, Option } from "commander";
import type { Env } from "../../lib/env";

/** The command line is wrong (a value, a folder, a combination): exit 2. */
export class UsageError extends Error {}

/** The work failed in a way the script explains itself: one line, then this exit code (default 1). */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
}

export const USAGE_EXIT = 2;
export const FAILURE_EXIT = 1;

/** Commander's multi-line messages as one line, without its "error: " prefix. */
function oneLine(text: string): string {
  return text
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean)
    .join(" ")
    .replace(/^error: /, "");
}

/**
 * A commander program whose usage errors print `<prefix> <message>` on one
 * line and throw instead of exiting (runCli turns them into exit 2).
 * Subcommands added with `.command()` inherit all of it.
 */
export function createProgram(
  name: string,
  prefix = `${name}:`,
  writeErr: (line: string) => void = (line) => void process.stderr.write(line),
): Command {
  const program = new Command(name)
    .exitOverride()
    .showSuggestionAfterError(true)
    .configureOutput({ writeErr: (s) => writeErr(`${prefix} ${oneLine(s)}\n`) });
  prefixes.set(program, prefix);
  return program;
}

const prefixes = new WeakMap<Command, string>();

/** The one error printer: the first line of the message, never a stack trace. */
export function printError(prefix: string, error: unknown): void {
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`${prefix} ${message.split("\n")[0]}\n`);
}

/** The exit code for an error thrown while parsing or running (commander has already printed its own). */
export function exitCodeFor(error: unknown): number {
  if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : USAGE_EXIT;
  if (error instanceof UsageError || error instanceof InvalidArgumentError) return USAGE_EXIT;
  if (error instanceof CliError) return error.exitCode;
  return FAILURE_EXIT;
}

/**
 * Parses `argv` and runs the chosen action. On an error: prints it (unless
 * commander did) and exits with its code. On success it returns, so a server
 * the action started keeps the process alive.
 */
export async function runCli(program: Command, argv: readonly string[] = process.argv): Promise<void> {
  const prefix = prefixes.get(program) ?? `${program.name()}:`;
  try {
    await program.parseAsync(argv);
  } catch (error) {
    if (!(error instanceof CommanderError)) printError(prefix, error);
    process.exit(exitCodeFor(error));
  }
}

/** `--chapters <dir>`, as every script that reads a content root takes it. */
export function chaptersOption(): Option {
  return new Option("--chapters <dir>", "content folder (default: $CHAPTERS_DIR or chapters)");
}

/**
 * The content root: `--chapters`, else CHAPTERS_DIR, else `chapters`. A
 * missing or non-folder root is a usage error naming where it came from.
 */
export function chaptersDir(option: string | undefined, env: Pick<Env, "CHAPTERS_DIR">): string {
  const dir = option ?? env.CHAPTERS_DIR ?? "chapters";
  const source = option !== undefined ? "--chapters" : env.CHAPTERS_DIR !== undefined ? "CHAPTERS_DIR" : "content folder";
  if (dir.trim() === "") throw new UsageError(`${source} "${dir}" is empty`);
  const abs = path.resolve(dir);
  if (!existsSync(abs)) throw new UsageError(`${source} "${dir}" does not exist`);
  if (!statSync(abs).isDirectory()) throw new UsageError(`${source} "${dir}" is not a folder`);
  return abs;
}

/** Parsers for numeric options: a bad value is a usage error naming it. */
export function integerIn(min: number, max: number, what: string): (value: string) => number {
  return (value) => {
    const n = Number(value);
    if (!/^\d+$/.test(value.trim()) || !Number.isInteger(n) || n < min || n > max)
      throw new InvalidArgumentError(`"${value}" is not ${what} (${min}-${max})`);
    return n;
  };
}
