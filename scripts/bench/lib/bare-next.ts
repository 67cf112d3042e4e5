// A bare Next.js App Router page for the Lighthouse bench: what Next alone
// scores on this machine in the same run. One layout and one page (a heading
// and a paragraph), built once per Next version under .cache/ (inside the
// project, so Turbopack resolves the project's node_modules, as in
// scripts/bench/build.ts) and served by `next start` on a free loopback port.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { freePort } from "../../lib/free-port";
import { projectDir } from "../../lib/project-dir";

export const BARE_NEXT_FILES: Record<string, string> = {
  "package.json": `${JSON.stringify({ name: "bare-next", private: true }, null, 2)}\n`,
  "tsconfig.json": `${JSON.stringify(
    {
      compilerOptions: {
        target: "ES2022",
        lib: ["dom", "dom.iterable", "ES2023"],
        strict: true,
        noEmit: true,
        module: "esnext",
        moduleResolution: "bundler",
        jsx: "react-jsx",
        isolatedModules: true,
        skipLibCheck: true,
        plugins: [{ name: "next" }],
      },
      include: ["next-env.d.ts", "**/*.ts", "**/*.tsx"],
      exclude: ["node_modules"],
    },
    null,
    2,
  )}\n`,
  "app/layout.tsx": `export const metadata = { title: "Bare Next", description: "A bare Next.js App Router page." };

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
`,
  "app/page.tsx": `export default function Page() {
  return (
    <main>
      <h1>A bare Next.js page</h1>
      <p>One heading and one paragraph, served by next start: the floor every page of the site stands on.</p>
    </main>
  );
}
`,
};

const nextBin = path.join(projectDir, "node_modules", "next", "dist", "bin", "next");

export function nextVersion(): string {
  return (JSON.parse(readFileSync(path.join(projectDir, "node_modules", "next", "package.json"), "utf8")) as { version: string }).version;
}

/** What a build depends on: Next's version and the app's files. */
function buildKey(version: string): string {
  return createHash("sha256").update(version).update(JSON.stringify(BARE_NEXT_FILES)).digest("hex").slice(0, 16);
}

/** The built app's folder; builds it unless a build of the same Next version and files is there. */
export function ensureBareNextBuild(log: (s: string) => void): string {
  const version = nextVersion();
  const dir = path.join(projectDir, ".cache", "bench-bare-next", `next-${version}`);
  const stamp = path.join(dir, ".built-from");
  const key = buildKey(version);
  if (existsSync(stamp) && readFileSync(stamp, "utf8") === key && existsSync(path.join(dir, ".next", "BUILD_ID"))) return dir;
  rmSync(dir, { recursive: true, force: true });
  for (const [rel, text] of Object.entries(BARE_NEXT_FILES)) {
    mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    writeFileSync(path.join(dir, rel), text);
  }
  log(`  next build of a bare App Router page (Next ${version}, once per version, under .cache/bench-bare-next/)…`);
  const r = spawnSync(process.execPath, [nextBin, "build"], {
    cwd: dir,
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", NODE_ENV: "production" },
    encoding: "utf8",
    timeout: 600_000,
  });
  if (r.status !== 0)
    throw new Error(
      `next build of the bare page failed (${r.status}): ${(r.stderr || r.stdout || "").trim().split("\n").slice(-5).join(" / ")}`,
    );
  writeFileSync(stamp, key);
  return dir;
}

export interface BareNext {
  url: string;
  version: string;
  stop(): Promise<void>;
}

/** Builds (if needed) and serves the bare page with `next start` on 127.0.0.1. */
export async function startBareNext(log: (s: string) => void): Promise<BareNext> {
  const dir = ensureBareNextBuild(log);
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, [nextBin, "start", "-p", String(port), "-H", "127.0.0.1"], {
    cwd: dir,
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", NODE_ENV: "production" },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  const output: string[] = [];
  child.stdout?.on("data", (b: Buffer) => output.push(b.toString("utf8")));
  child.stderr?.on("data", (b: Buffer) => output.push(b.toString("utf8")));
  const signal = (s: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, s);
    } catch {
      /* gone */
    }
  };
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      const force = setTimeout(() => signal("SIGKILL"), 5000);
      child.once("exit", () => {
        clearTimeout(force);
        resolve();
      });
      signal("SIGTERM");
    });
  const url = `http://127.0.0.1:${port}/`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`next start exited with ${child.exitCode}: ${output.join("").trim().slice(-500)}`);
    const ok = await fetch(url).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return { url, version: nextVersion(), stop };
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`next start did not answer on ${url} in 60 s: ${output.join("").trim().slice(-500)}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
}
