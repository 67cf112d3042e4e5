// Runs the real site (`npm start`, i.e. scripts/start.ts, or another entry
// such as scripts/dev.ts) as a child process on a free loopback port, for the
// benches and the tests alike.
import { spawn, type ChildProcess } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { ensureNextBuild } from "./next-build";
import { freePort } from "./free-port";
import { projectDir } from "./project-dir";

export { projectDir };

export interface SiteProcess {
  url: string;
  port: number;
  /** Every line the server printed so far (stdout and stderr). */
  output: string[];
  /** Resolves with the first line (printed from now on, or already printed) that matches. */
  waitForLine(match: (line: string) => boolean, timeoutMs: number): Promise<string>;
  stop(): Promise<void>;
}

export interface SiteProcessOptions {
  chapters: string;
  /** INSTALLMENT_CACHE_DIR; the shared bench cache by default, so media is transcoded once per machine. */
  cacheDir?: string;
  /** Script to run instead of scripts/start.ts (must end up in serve()). */
  script?: string;
  env?: Record<string, string>;
  /** Arguments for the script, e.g. `--simulated-clock`. */
  args?: string[];
  /** Port to listen on (default: a free one). */
  port?: number;
  /** Command (and its arguments) to run node under, e.g. ["faketime", "-f", "+2s"]. */
  wrapper?: string[];
  log?: (line: string) => void;
}

/** Media and compile cache shared by the benches that run the site (not the build bench, which times cold work). */
export function sharedBenchCache(): string {
  const dir = path.join(projectDir, ".cache", "installment-bench");
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** Builds the Next app if the code changed (printing how long it took), then starts the site. */
export async function startSiteProcess(options: SiteProcessOptions): Promise<SiteProcess> {
  const log = options.log ?? ((s: string) => console.log(s));
  const t0 = Date.now();
  let built = false;
  ensureNextBuild(projectDir, (s) => {
    if (s.includes("building")) {
      built = true;
      log(s);
    }
  });
  if (built) log(`[bench] next build took ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  const port = options.port ?? (await freePort());
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    CHAPTERS_DIR: options.chapters,
    INSTALLMENT_CACHE_DIR: options.cacheDir ?? sharedBenchCache(),
    NEXT_TELEMETRY_DISABLED: "1",
    ...options.env,
  };
  // Only what the caller asks for: nothing leaks in from the shell. A caller
  // that sets RELEASE_CLOCK also passes INSTALLMENT_SIMULATED_CLOCK=1 (or
  // --simulated-clock) itself, as an operator would.
  for (const key of ["RELEASE_CLOCK", "INSTALLMENT_SIMULATED_CLOCK", "EDITOR_TOKEN", "HOST"]) if (!options.env?.[key]) delete env[key];
  delete (env as Record<string, string | undefined>).NODE_ENV;
  const script = options.script ?? path.join(projectDir, "scripts", "start.ts");
  const command = [
    ...(options.wrapper ?? []),
    process.execPath,
    path.join(projectDir, "node_modules", "tsx", "dist", "cli.mjs"),
    script,
    ...(options.args ?? []),
  ];
  const child: ChildProcess = spawn(command[0]!, command.slice(1), {
    cwd: projectDir,
    env,
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  const output: string[] = [];
  const waiters = new Set<{ match: (l: string) => boolean; resolve: (l: string) => void }>();
  const url = `http://localhost:${port}`;
  let exited = false;
  const started = new Promise<void>((resolve, reject) => {
    const timeout = setTimeout(() => reject(new Error(`site did not start in 10 minutes:\n${output.join("\n")}`)), 600_000);
    let partial = "";
    const onData = (chunk: Buffer) => {
      const text = partial + chunk.toString("utf8");
      const lines = text.split("\n");
      partial = lines.pop() ?? "";
      for (const line of lines) {
        if (!line) continue;
        output.push(line);
        for (const w of [...waiters]) {
          if (w.match(line)) {
            waiters.delete(w);
            w.resolve(line);
          }
        }
        if (line.includes(`at http://localhost:${port}`)) {
          clearTimeout(timeout);
          resolve();
        }
      }
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    child.once("exit", (code) => {
      exited = true;
      clearTimeout(timeout);
      reject(new Error(`site exited with ${code}:\n${output.slice(-40).join("\n")}`));
    });
  });
  const stop = () =>
    new Promise<void>((resolve) => {
      if (exited || child.exitCode !== null) return resolve();
      const force = setTimeout(() => {
        try {
          process.kill(-child.pid!, "SIGKILL");
        } catch {
          /* gone */
        }
      }, 5000);
      child.once("exit", () => {
        clearTimeout(force);
        resolve();
      });
      try {
        process.kill(-child.pid!, "SIGTERM");
      } catch {
        clearTimeout(force);
        resolve();
      }
    });
  try {
    await started;
  } catch (e) {
    await stop();
    throw e;
  }
  return {
    url,
    port,
    output,
    waitForLine(match, timeoutMs) {
      const seen = output.find(match);
      if (seen) return Promise.resolve(seen);
      return new Promise((resolve, reject) => {
        const w = {
          match,
          resolve: (l: string) => {
            clearTimeout(t);
            resolve(l);
          },
        };
        const t = setTimeout(() => {
          waiters.delete(w);
          reject(new Error("timed out waiting for a server log line"));
        }, timeoutMs);
        waiters.add(w);
      });
    },
    stop,
  };
}

/** Generates the sample story's GIFs and stills if missing (they are not in git). */
export async function ensureSampleStoryMedia(root: string, log: (s: string) => void = console.log): Promise<void> {
  // Imported here, not at the top: tests and npm run cluster load this module without ever drawing media.
  const { ensureSampleMedia } = await import("../sample-media/ensure");
  const r = await ensureSampleMedia(root, { log: (s) => log(`  ${s}`) });
  if (r.generated.length) log(`[bench] generated ${r.generated.length} sample media files`);
}

/** A temp copy of a content root (media included). */
export function copyStory(root: string, prefix = "installment-bench-story-"): string {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  cpSync(root, dir, { recursive: true });
  return dir;
}

/** Total size in bytes of the files under a folder. */
export function folderBytes(dir: string): number {
  if (!existsSync(dir)) return 0;
  let total = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    total += e.isDirectory() ? folderBytes(p) : statSync(p).size;
  }
  return total;
}
