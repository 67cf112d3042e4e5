import { request } from "node:http";
import { logJson } from "./log";
import type { Runtime } from "./runtime";

/**
 * Sends BAN to each shared cache (INSTALLMENT_PURGE_URL) after every content
 * or schedule reload, so a pulled or postponed chapter leaves the shared cache
 * at once instead of when its s-maxage runs out. Every instance bans after its
 * own reload, so the last ban comes after the slowest instance changed.
 */
export function purgeOnReload(runtime: Runtime, urls: string[], log: (entry: Record<string, unknown>) => void = logJson): () => void {
  if (urls.length === 0) return () => {};
  return runtime.onReload(() => {
    for (const url of urls) {
      banSharedCache(url)
        .then((status) => log({ event: "shared-cache-ban", url, status }))
        .catch((error: unknown) => log({ event: "shared-cache-ban-failed", url, error: String(error) }));
    }
  });
}

/** One BAN request; resolves with the status (a refusal is a status, not an error). */
export function banSharedCache(url: string, timeoutMs = 5000): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: "BAN", timeout: timeoutMs }, (res) => {
      res.resume();
      res.on("end", () => resolve(res.statusCode ?? 0));
    });
    req.on("timeout", () => req.destroy(new Error(`no answer in ${timeoutMs} ms`)));
    req.on("error", reject);
    req.end();
  });
}
