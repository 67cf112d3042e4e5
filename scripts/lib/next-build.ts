import { spawnSync } from "node:child_process";
import path from "node:path";
import { buildIsCurrent, writeBuildStamp } from "./build-stamp";

/** Runs `next build` unless the existing build was made from the same code. */
export function ensureNextBuild(projectDir: string, log: (s: string) => void = console.log): void {
  if (buildIsCurrent(projectDir)) {
    log("[installment] reusing the current build");
    return;
  }
  log("[installment] building the site (next build)…");
  const bin = path.join(projectDir, "node_modules", "next", "dist", "bin", "next");
  const result = spawnSync(process.execPath, [bin, "build"], {
    cwd: projectDir,
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (result.status !== 0) {
    throw new Error(`next build failed with exit code ${result.status}`);
  }
  writeBuildStamp(projectDir);
}
