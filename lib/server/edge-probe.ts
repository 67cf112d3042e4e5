import type { AddressInfo } from "node:net";
import type { Server } from "node:http";

/**
 * Asks the running edge, as a reader would, for each path: true only when
 * every one answers 200. A notification goes out only after this, so a
 * reader following its link finds the chapter.
 */
export function edgeProbe(server: Server, timeoutMs = 30_000): (paths: string[]) => Promise<boolean> {
  return async (paths) => {
    const address = server.address() as AddressInfo | null;
    if (!address) return false;
    const wildcard = address.address === "::" || address.address === "0.0.0.0";
    const host = wildcard ? "127.0.0.1" : address.family === "IPv6" ? `[${address.address}]` : address.address;
    for (const p of paths) {
      try {
        const res = await fetch(`http://${host}:${address.port}${p}`, {
          headers: { accept: "text/html" },
          signal: AbortSignal.timeout(timeoutMs),
        });
        await res.arrayBuffer();
        if (res.status !== 200) return false;
      } catch {
        return false;
      }
    }
    return true;
  };
}
