// Two (or more) instances of the site behind real Varnish processes, on one
// build and one shared cache folder, for tests/cluster.
import { readFileSync, writeFileSync, mkdtempSync } from "node:fs";
import { request } from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { startSiteProcess, type SiteProcess } from "../../scripts/lib/site-process";
import { DEFAULT_VCL, startVarnish, type VarnishProcess } from "../../scripts/lib/varnish-process";
import { freePort } from "../../scripts/lib/free-port";
import { TEST_EDITOR_TOKEN } from "../helpers/server";
import type { Sample } from "./release-checker";

export const FAKETIME_LIB = "/usr/lib/x86_64-linux-gnu/faketime/libfaketime.so.1";

export interface InstanceOptions {
  chapters: string;
  cacheDir: string;
  purgeUrls: string[];
  port?: number;
  /** libfaketime offset, e.g. "+2s": this instance's clock runs ahead. */
  faketime?: string;
}

export function startInstance(o: InstanceOptions): Promise<SiteProcess> {
  return startSiteProcess({
    chapters: o.chapters,
    cacheDir: o.cacheDir,
    port: o.port,
    env: { INSTALLMENT_PURGE_URL: o.purgeUrls.join(","), EDITOR_TOKEN: TEST_EDITOR_TOKEN },
    wrapper: o.faketime ? ["/usr/bin/faketime", "-f", o.faketime] : undefined,
    log: () => {},
  });
}

/** The shipped VCL with grace left at Varnish's default (the negative control). */
export function defaultGraceVcl(): string {
  const dir = mkdtempSync(path.join(tmpdir(), "installment-vcl-"));
  const vcl = readFileSync(DEFAULT_VCL, "utf8").replace(/^\s*set beresp\.(grace|keep) = 0s;\s*$/gm, "");
  const file = path.join(dir, "default-grace.vcl");
  writeFileSync(file, vcl);
  return file;
}

export async function varnishFor(backends: SiteProcess[], port: number, vcl?: string): Promise<VarnishProcess> {
  return startVarnish({ port, vcl, backends: backends.map((b) => ({ host: "127.0.0.1", port: b.port })) });
}

export { freePort };

/** Waits until Varnish counts its instances healthy (sick until the health probe has passed). */
export async function healthy(cache: VarnishProcess): Promise<void> {
  while ((await fetch(`${cache.url}/robots.txt`)).status !== 200) await new Promise((r) => setTimeout(r, 200));
}

export interface Probe {
  path: string;
  headers?: Record<string, string>;
}

export async function sample(cache: string, base: string, probe: Probe): Promise<Sample> {
  const sentAt = Date.now();
  try {
    const res = await fetch(base + probe.path, { headers: probe.headers, redirect: "manual" });
    const buf = Buffer.from(await res.arrayBuffer());
    const headers: Record<string, string> = {};
    res.headers.forEach((v, k) => (headers[k] = v));
    const type = headers["content-type"] ?? "";
    const text = /^(text\/|application\/(json|xml|atom|rss|feed)|text\/x-component)/.test(type) ? buf.toString("utf8") : "";
    return { cache, path: probe.path, sentAt, receivedAt: Date.now(), status: res.status, headers, body: text };
  } catch (error) {
    return { cache, path: probe.path, sentAt, receivedAt: Date.now(), status: 0, headers: {}, body: "", error: String(error) };
  }
}

/**
 * Polls every probe through each cache every `everyMs` from now until `until`
 * (real epoch ms); each probe on its own loop, so one slow answer does not
 * delay the others.
 */
export async function poll(targets: { cache: string; base: string; probes: Probe[] }[], until: number, everyMs = 50): Promise<Sample[]> {
  const out: Sample[] = [];
  const loop = async (cache: string, base: string, probe: Probe) => {
    while (Date.now() < until) {
      const tick = Date.now();
      out.push(await sample(cache, base, probe));
      const wait = tick + everyMs - Date.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    }
  };
  await Promise.all(targets.flatMap((t) => t.probes.map((p) => loop(t.cache, t.base, p))));
  return out;
}

/** One GET on its own connection (no keep-alive), like a new reader; the body is read and dropped. */
export function shoot(
  url: string,
  headers: Record<string, string> = {},
  timeoutMs = 15_000,
): Promise<{ status: number; error: string | null }> {
  return new Promise((resolve) => {
    const req = request(url, { agent: false, headers: { "accept-encoding": "gzip", accept: "text/html", ...headers } }, (res) => {
      res.on("data", () => {});
      res.on("end", () => resolve({ status: res.statusCode ?? 0, error: null }));
      res.on("error", (e: NodeJS.ErrnoException) => resolve({ status: res.statusCode ?? 0, error: e.code ?? e.message }));
    });
    req.setTimeout(timeoutMs, () => req.destroy(Object.assign(new Error("timeout"), { code: "TIMEOUT" })));
    req.on("error", (e: NodeJS.ErrnoException) => resolve({ status: 0, error: e.code ?? e.message }));
    req.end();
  });
}

export function releaseLines(site: SiteProcess): { chapter: number; scheduled: string }[] {
  return site.output
    .filter((l) => l.startsWith("{") && l.includes('"event":"release"'))
    .map((l) => JSON.parse(l) as { chapter: number; scheduled: string });
}
