import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";

export const REPO = path.resolve(__dirname, "../..");
export const FIXTURES = path.join(REPO, "tests/fixtures/check");
const TSX = path.join(REPO, "node_modules/tsx/dist/cli.mjs");

const temps: string[] = [];

export function tempDir(prefix: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), `installment-${prefix}-`));
  temps.push(dir);
  return dir;
}

export function removeTemps(): void {
  for (const d of temps.splice(0)) rmSync(d, { recursive: true, force: true });
}

/**
 * A temp copy of a fixture, in a folder named `chapters` like a real project,
 * so diagnostics read `chapters/…`.
 */
export function copyFixture(name: string): string {
  const root = path.join(tempDir("check"), "chapters");
  cpSync(path.join(FIXTURES, name), root, { recursive: true });
  return root;
}

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
  ms: number;
}

/** Runs `node tsx scripts/<script> …args` from the repo with a private cache (killed after `timeoutMs`, if given). */
export function runScript(
  script: string,
  args: string[],
  env: Record<string, string | undefined> = {},
  options: { timeoutMs?: number } = {},
): Run {
  const started = Date.now();
  const r = spawnSync(process.execPath, [TSX, `scripts/${script}`, ...args], {
    cwd: REPO,
    encoding: "utf8",
    // A command that should refuse at once but starts serving instead is killed.
    timeout: options.timeoutMs,
    env: {
      ...process.env,
      CHAPTERS_DIR: undefined,
      RELEASE_CLOCK: undefined,
      INSTALLMENT_SIMULATED_CLOCK: undefined,
      EDITOR_TOKEN: undefined,
      HOST: undefined,
      ...env,
    },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, ms: Date.now() - started };
}

/** Every file under a folder, relative, sorted: to prove a command wrote nothing there. */
export function listing(dir: string): string[] {
  return (readdirSync(dir, { recursive: true }) as string[]).map((p) => p.split(path.sep).join("/")).sort();
}

export const STACK_LINE = /^\s+at .+/m;
