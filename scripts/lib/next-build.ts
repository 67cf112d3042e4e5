import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { buildIsCurrent, codeHash, writeBuildStamp } from "./build-stamp";

/** Runs `next build` unless the existing build was made from the same code. */
export function ensureNextBuild(projectDir: string, log: (s: string) => void = console.log): void {
  if (buildIsCurrent(projectDir)) {
    log(`[installment] reusing the current build (${buildId(projectDir)})`);
    return;
  }
  const release = acquireLock(projectDir);
  try {
    // Another process may have built while this one waited.
    if (buildIsCurrent(projectDir)) {
      log("[installment] reusing the current build");
      return;
    }
    log("[installment] building the site (next build)…");
    // Stamp the code as it was when the build started: an edit made during the build must build again.
    const code = codeHash(projectDir);
    const bin = path.join(projectDir, "node_modules", "next", "dist", "bin", "next");
    const result = spawnSync(process.execPath, [bin, "build"], {
      cwd: projectDir,
      stdio: "inherit",
      env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1", INSTALLMENT_BUILD_ID: `b-${code}` },
    });
    if (result.status !== 0) throw new Error(`next build failed with exit code ${result.status}`);
    writeBuildStamp(projectDir, code);
    log(`[installment] built ${buildId(projectDir)}`);
  } finally {
    release();
  }
}

/**
 * One build at a time across processes (a test run, a bench and `npm start`
 * may all want one); a lock left by a dead process is taken over.
 */
function acquireLock(projectDir: string): () => void {
  const dir = path.join(projectDir, ".cache", "next-build.lock");
  mkdirSync(path.dirname(dir), { recursive: true });
  const deadline = Date.now() + 15 * 60_000;
  for (;;) {
    try {
      mkdirSync(dir);
      writeFileSync(path.join(dir, "pid"), String(process.pid));
      return () => rmSync(dir, { recursive: true, force: true });
    } catch {
      let pid: number;
      try {
        pid = Number(readFileSync(path.join(dir, "pid"), "utf8"));
      } catch {
        pid = 0;
      }
      if (pid > 0 && !alive(pid)) rmSync(dir, { recursive: true, force: true });
      if (Date.now() > deadline) throw new Error(`another next build holds ${dir}`);
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 500);
    }
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** The id of the build in .next (the code hash when built by ensureNextBuild). */
export function buildId(projectDir: string): string {
  try {
    return readFileSync(path.join(projectDir, ".next", "BUILD_ID"), "utf8").trim();
  } catch {
    return "no build";
  }
}
