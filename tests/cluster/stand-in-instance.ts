// A stand-in for an instance behind Varnish: a few lines of HTTP that answer
// with the edge's own reader cache headers (readerCacheHeaders) for the state
// its clock sees, so the VCL's rules are tested without a Next build.
import { createServer } from "node:http";
import { readerCacheHeaders } from "../../lib/server/shared-cache-headers";
import type { Schedule } from "../../lib/schedule/types";
import { freePort } from "../../scripts/lib/free-port";

/** Words only the released state's pages contain (the release checker's markers). */
export const RELEASED_MARKER = "Upcomingtextmarker";

export interface StandIn {
  port: number;
  /** Per path, when the stand-in last answered: a cache's copy is born then. */
  answeredAt: Map<string, number>;
  close(): Promise<void>;
}

export async function startStandIn(o: {
  /** The release of chapter 3 (epoch ms) as this instance schedules it, per path. */
  releaseAt: (path: string) => number;
  /** How far this instance's clock runs behind (ms). */
  behindBy?: number;
}): Promise<StandIn> {
  const answeredAt = new Map<string, number>();
  const server = createServer((req, res) => {
    const path = req.url ?? "/";
    const at = o.releaseAt(path);
    const now = Date.now() - (o.behindBy ?? 0);
    const schedule: Schedule = {
      timezone: "UTC",
      releases: [
        { at: at - 3_600_000, chapters: [1, 2], line: 1 },
        { at, chapters: [3], line: 2 },
      ],
    };
    const released = now >= at;
    const headers = readerCacheHeaders({ stateKey: released ? "reader:r1-3" : "reader:r1-2", schedule, now });
    res.writeHead(200, { ...headers, "Content-Type": "text/html; charset=utf-8" });
    res.end(released ? `<p>Chapter three: ${RELEASED_MARKER}.</p>` : "<p>Chapters one and two.</p>");
    answeredAt.set(path, Date.now());
  });
  const port = await freePort();
  await new Promise<void>((r) => server.listen(port, "127.0.0.1", r));
  return { port, answeredAt, close: () => new Promise((r) => server.close(() => r())) };
}
