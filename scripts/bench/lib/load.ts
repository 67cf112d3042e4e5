// Load-generation helpers for the serve and burst benches: autocannon (typed
// here, it ships no types), a bare Node server in its own process, and raw
// HTTP GETs that keep bodies as sent.
import { spawn, type ChildProcess } from "node:child_process";
import { writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { request } from "node:http";

export interface AutocannonResult {
  requests: { average: number; mean: number; total: number; sent: number };
  latency: { p50: number; p90: number; p99: number; average: number; max: number };
  throughput: { average: number };
  errors: number;
  timeouts: number;
  non2xx: number;
  "2xx": number;
  "4xx": number;
  "5xx": number;
  duration: number;
}

export interface AutocannonOptions {
  url: string;
  connections: number;
  duration: number;
  headers?: Record<string, string>;
  pipelining?: number;
}

const require = createRequire(import.meta.url);

export function runAutocannon(options: AutocannonOptions): Promise<AutocannonResult> {
  const autocannon = require("autocannon") as (
    opts: AutocannonOptions,
    cb: (err: Error | null, result: AutocannonResult) => void,
  ) => unknown;
  return new Promise((resolve, reject) => {
    autocannon(options, (err, result) => (err ? reject(err) : resolve(result)));
  });
}

export interface RawResponse {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

/** A GET that keeps the body exactly as sent (no decompression). */
export function rawGet(url: string, headers: Record<string, string> = {}): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => {
        const h: Record<string, string> = {};
        for (const [k, v] of Object.entries(res.headers)) if (v !== undefined) h[k] = Array.isArray(v) ? v.join(", ") : v;
        resolve({ status: res.statusCode ?? 0, headers: h, body: Buffer.concat(chunks) });
      });
      res.on("error", reject);
    });
    req.on("error", reject);
    req.end();
  });
}

export interface BareServer {
  url: string;
  stop(): Promise<void>;
}

/**
 * A bare `node:http` server, in its own process like the site, answering
 * every request with the same status, headers and body bytes from memory.
 */
export async function startBareServer(response: RawResponse, bodyFile: string): Promise<BareServer> {
  writeFileSync(bodyFile, response.body);
  const headers = Object.fromEntries(
    Object.entries(response.headers).filter(([k]) => !["date", "connection", "keep-alive", "transfer-encoding"].includes(k)),
  );
  const code = `
    const http = require("node:http");
    const body = require("node:fs").readFileSync(${JSON.stringify(bodyFile)});
    const headers = ${JSON.stringify(headers)};
    const server = http.createServer((req, res) => { res.writeHead(${response.status}, headers); res.end(body); });
    server.listen(0, "127.0.0.1", () => console.log("port " + server.address().port));
    process.on("SIGTERM", () => server.close(() => process.exit(0)));
  `;
  const child: ChildProcess = spawn(process.execPath, ["-e", code], { stdio: ["ignore", "pipe", "inherit"] });
  const port = await new Promise<number>((resolve, reject) => {
    child.stdout!.on("data", (c: Buffer) => {
      const m = /port (\d+)/.exec(c.toString());
      if (m) resolve(Number(m[1]));
    });
    child.once("exit", (code) => reject(new Error(`bare server exited with ${code}`)));
  });
  return {
    url: `http://127.0.0.1:${port}`,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}
