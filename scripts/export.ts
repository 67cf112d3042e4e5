import { mkdirSync, rmSync, writeFileSync, existsSync } from "node:fs";
import path from "node:path";
import { Command } from "commander";
import { Temporal } from "temporal-polyfill";
import { createRuntime, installRuntime } from "../lib/server/runtime";
import { startServer } from "../lib/server/http-server";
import { siteView } from "../lib/site/visibility";
import { exportFileFor, exportPaths, referencedAssets } from "../lib/site/export-paths";
import { projectDir } from "./lib/serve";
import { ensureNextBuild } from "./lib/next-build";
import { freePort } from "./lib/free-port";

// The static site of exactly what is released at one instant, for any CDN.

const program = new Command()
  .name("export")
  .requiredOption("--at <instant>", "the instant to export, e.g. 2027-07-06T13:00:00Z")
  .requiredOption("--out <dir>", "folder to write (replaced)")
  .option("--chapters <dir>", "content root", process.env.CHAPTERS_DIR ?? "chapters")
  .exitOverride()
  .configureOutput({ writeErr: (s) => process.stderr.write(s) });

async function main() {
  try {
    program.parse();
  } catch {
    process.exit(2);
  }
  const opts = program.opts<{ at: string; out: string; chapters: string }>();
  let at: number;
  try {
    at = Temporal.Instant.from(opts.at).epochMilliseconds;
  } catch {
    throw new Error(`--at ${JSON.stringify(opts.at)} is not an instant with an offset or Z (e.g. 2027-07-06T13:00:00Z)`);
  }
  const root = path.resolve(opts.chapters);
  if (!existsSync(root)) throw new Error(`--chapters ${JSON.stringify(opts.chapters)}: no such folder`);
  const out = path.resolve(opts.out);

  // The clock is frozen at --at on purpose, so it is acknowledged as simulated.
  Object.assign(process.env, {
    NODE_ENV: "production",
    RELEASE_CLOCK: new Date(at).toISOString(),
    INSTALLMENT_SIMULATED_CLOCK: "1",
    CHAPTERS_DIR: root,
  });
  ensureNextBuild(projectDir, (s) => process.stderr.write(s + "\n"));
  const runtime = createRuntime({ mode: "production", root, watch: false });
  installRuntime(runtime);
  await runtime.ready;
  const view = siteView(runtime.snapshot(), at, "reader");
  if (!view) throw new Error("story.yaml is invalid: run npm run check");

  const port = await freePort();
  const edge = await startServer({ runtime, dev: false, port, hostname: "127.0.0.1", projectDir });
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  const written = new Set<string>();
  const queue = exportPaths(view);
  const seen = new Set(queue);
  const headers: string[] = [];
  try {
    while (queue.length > 0) {
      const urlPath = queue.shift()!;
      const res = await fetch(`http://127.0.0.1:${port}${urlPath}`, { headers: { "accept-encoding": "identity" } });
      if (res.status !== 200) throw new Error(`${urlPath} answered ${res.status}`);
      const type = res.headers.get("content-type") ?? "";
      const body = Buffer.from(await res.arrayBuffer());
      const file = exportFileFor(urlPath, type);
      write(out, file, body, written);
      if (type.startsWith("text/html")) {
        headers.push(`/${file.replace(/index\.html$/, "")}\n  Content-Security-Policy: ${res.headers.get("content-security-policy")}`);
      }
      if (/^(text\/(html|css)|application\/javascript)/.test(type)) {
        for (const asset of referencedAssets(body.toString("utf8"))) {
          if (!seen.has(asset)) {
            seen.add(asset);
            queue.push(asset);
          }
        }
      }
    }
    const notFound = await fetch(`http://127.0.0.1:${port}/404`);
    write(out, "404.html", Buffer.from(await notFound.arrayBuffer()), written);
    headers.push(
      "/*\n  X-Content-Type-Options: nosniff\n  Referrer-Policy: strict-origin-when-cross-origin\n  Permissions-Policy: camera=(), microphone=(), geolocation=()\n  X-Frame-Options: DENY",
      "/_next/static/*\n  Cache-Control: public, max-age=31536000, immutable",
      "/_islands/*\n  Cache-Control: public, max-age=31536000, immutable",
      "/media/*\n  Cache-Control: public, max-age=31536000, immutable",
    );
    write(out, "_headers", Buffer.from(headers.sort().join("\n") + "\n"), written);
  } finally {
    await edge.close();
    runtime.close();
  }
  console.log(
    `[installment] exported ${written.size} files for ${new Date(at).toISOString()} to ${path.relative(process.cwd(), out) || "."}`,
  );
}

function write(out: string, rel: string, body: Buffer, written: Set<string>) {
  const abs = path.join(out, rel);
  if (!abs.startsWith(out + path.sep)) throw new Error(`refusing to write outside ${out}: ${rel}`);
  mkdirSync(path.dirname(abs), { recursive: true });
  writeFileSync(abs, body);
  written.add(rel);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(`[installment] export: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
