import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { ensureNextBuild } from "../../scripts/lib/next-build";
import { freePort } from "../../scripts/lib/free-port";

export { freePort };

export const projectDir = path.resolve(__dirname, "..", "..");

export interface RunningSite {
  url: string;
  port: number;
  /** Every stdout line the server printed so far. */
  output: string[];
  stop(): Promise<void>;
}

export interface SiteOptions {
  chapters: string;
  clock?: string;
  editorToken?: string;
  dev?: boolean;
  /** Share a media/compile cache between runs; a fresh one by default. */
  cacheDir?: string;
  env?: Record<string, string>;
}

/** Builds the site if the code changed, then runs `npm start` (or dev) on a free port. */
export async function startSite(options: SiteOptions): Promise<RunningSite> {
  if (!options.dev) ensureNextBuild(projectDir, () => {});
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    CHAPTERS_DIR: options.chapters,
    INSTALLMENT_CACHE_DIR: options.cacheDir ?? mkdtempSync(path.join(tmpdir(), "installment-cache-")),
    NEXT_TELEMETRY_DISABLED: "1",
    ...options.env,
  };
  delete env.RELEASE_CLOCK;
  delete env.EDITOR_TOKEN;
  delete (env as Record<string, string | undefined>).NODE_ENV;
  if (options.clock) env.RELEASE_CLOCK = options.clock;
  if (options.editorToken) env.EDITOR_TOKEN = options.editorToken;
  const script = path.join(projectDir, "scripts", options.dev ? "dev.ts" : "start.ts");
  const child: ChildProcess = spawn(process.execPath, [path.join(projectDir, "node_modules", "tsx", "dist", "cli.mjs"), script], {
    cwd: projectDir,
    env,
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  const output: string[] = [];
  const url = `http://localhost:${port}`;
  await new Promise<void>((resolve, reject) => {
    const timeout = setTimeout(() => reject(new Error(`site did not start:\n${output.join("\n")}`)), 600_000);
    const onLine = (chunk: Buffer) => {
      for (const line of chunk.toString("utf8").split("\n")) {
        if (!line) continue;
        output.push(line);
        if (line.includes(`at http://localhost:${port}`)) {
          clearTimeout(timeout);
          resolve();
        }
      }
    };
    child.stdout?.on("data", onLine);
    child.stderr?.on("data", onLine);
    child.once("exit", (code) => {
      clearTimeout(timeout);
      reject(new Error(`site exited with ${code}:\n${output.join("\n")}`));
    });
  });
  return {
    url,
    port,
    output,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        try {
          process.kill(-child.pid!, "SIGTERM");
        } catch {
          resolve();
        }
      }),
  };
}
