import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { Temporal } from "temporal-polyfill";
import { readEnv } from "../lib/env";
import { createRuntime, installRuntime } from "../lib/server/runtime";
import { startServer } from "../lib/server/http-server";
import { siteView } from "../lib/site/visibility";
import { exportFileFor, exportPaths, referencedAssets } from "../lib/site/export-paths";
import { projectDir } from "./lib/serve";
import { ensureNextBuild } from "./lib/next-build";
import { freePort } from "./lib/free-port";
import { chaptersDir, chaptersOption, createProgram, runCli, UsageError } from "./lib/cli";
import { exportHeadersFile, type ExportedPage } from "../lib/server/export-headers";

// The static site of exactly what is released at one instant, for any CDN.

function instant(text: string): number {
  try {
    return Temporal.Instant.from(text).epochMilliseconds;
  } catch {
    throw new UsageError(`--at ${JSON.stringify(text)} is not an instant with an offset or Z (e.g. 2027-07-06T13:00:00Z)`);
  }
}

async function exportSite(opts: { at: string; out: string; chapters?: string }): Promise<void> {
  const at = instant(opts.at);
  const base = readEnv();
  const root = chaptersDir(opts.chapters, base);
  const out = path.resolve(opts.out);

  // The clock is frozen at --at on purpose, so it is acknowledged as simulated.
  const clock = { RELEASE_CLOCK: new Date(at).toISOString(), INSTALLMENT_SIMULATED_CLOCK: "1", CHAPTERS_DIR: root } as const;
  const env = { ...base, ...clock };
  // Next renders in this process: its own copy of the runtime modules reads the same settings.
  Object.assign(process.env, { NODE_ENV: "production", ...clock });
  ensureNextBuild(projectDir, (s) => process.stderr.write(s + "\n"));
  const runtime = createRuntime({ mode: "production", root, watch: false, env });
  installRuntime(runtime);
  await runtime.ready;
  const view = siteView(runtime.snapshot(), at, "reader");
  if (!view) throw new Error("story.yaml is invalid: run npm run check");

  const port = await freePort();
  const edge = await startServer({ runtime, dev: false, port, hostname: "127.0.0.1", projectDir, env });
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  const written = new Set<string>();
  const queue = exportPaths(view);
  const seen = new Set(queue);
  const pages: ExportedPage[] = [];
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
        pages.push({ path: `/${file.replace(/index\.html$/, "")}`, csp: res.headers.get("content-security-policy") ?? "" });
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
    write(out, "_headers", Buffer.from(exportHeadersFile(pages, env)), written);
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

const program = createProgram("export", "[installment] export:")
  .description("the static site of what is released at one instant, with the story's EPUB")
  .requiredOption("--at <instant>", "the instant to export, e.g. 2027-07-06T13:00:00Z")
  .requiredOption("--out <dir>", "folder to write (replaced)")
  .addOption(chaptersOption())
  .action(async (opts: { at: string; out: string; chapters?: string }) => {
    await exportSite(opts);
    // The edge's keep-alive sockets and Next's workers would hold the process open.
    process.exit(0);
  });

void runCli(program);
