import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export interface Received {
  path: string;
  headers: IncomingMessage["headers"];
  body: unknown;
  /** Real ms when the request arrived. */
  at: number;
  /** What the handler recorded while it ran (e.g. whether the chapter page was live). */
  note?: unknown;
}

export interface Receiver {
  url: string;
  received: Received[];
  on(path: string): Received[];
  close(): Promise<void>;
}

export interface ReceiverOptions {
  /** Status to answer for a path, given how many requests it has had (1-based). Default 200 (Mastodon: 200 with a status id). */
  status?: (path: string, count: number) => number;
  /** Never answer these paths (a hung endpoint). */
  hang?: (path: string) => boolean;
  /** Runs inside the handler before the answer; its result is kept as `note`. */
  inspect?: (r: Received) => Promise<unknown>;
}

/** A real HTTP receiver on 127.0.0.1 (no request leaves the machine) that records every POST. */
export async function startReceiver(options: ReceiverOptions = {}): Promise<Receiver> {
  const received: Received[] = [];
  const counts = new Map<string, number>();
  const hung: IncomingMessage[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      void (async () => {
        const path = req.url ?? "/";
        const text = Buffer.concat(chunks).toString("utf8");
        let body: unknown = text;
        try {
          body = JSON.parse(text);
        } catch {
          /* kept as text */
        }
        const r: Received = { path, headers: req.headers, body, at: Date.now() };
        const count = (counts.get(path) ?? 0) + 1;
        counts.set(path, count);
        if (options.inspect) r.note = await options.inspect(r);
        received.push(r);
        if (options.hang?.(path)) {
          hung.push(req);
          return;
        }
        const status = options.status?.(path, count) ?? 200;
        res.writeHead(status, { "content-type": "application/json" });
        res.end(JSON.stringify({ id: String(count) }));
      })();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    on: (path) => received.filter((r) => r.path === path),
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
