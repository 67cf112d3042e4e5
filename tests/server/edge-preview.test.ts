import { createServer, request, type IncomingHttpHeaders, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { edgePreview, type EdgePreview } from "../../lib/server/edge/preview";
import type { EdgeRequest } from "../../lib/server/edge/edge-request";
import { EDGE_HEADERS } from "../../lib/server/edge-headers";

// `npm run dev` passes everything through to Next's dev server, the
// hot-reload WebSocket included. Here a stand-in for Next answers, so the
// pass-through is seen carrying requests, the upgrade and frames both ways.

const open: Server[] = [];
const sockets: Socket[] = [];
const previews: EdgePreview[] = [];
afterEach(async () => {
  for (const p of previews.splice(0)) p.close();
  // Upgraded sockets are no longer the server's to close: every one goes by hand.
  for (const s of sockets.splice(0)) s.destroy();
  await Promise.all(open.splice(0).map((s) => new Promise((r) => s.close(r))));
});

async function listen(server: Server): Promise<number> {
  open.push(server);
  server.on("connection", (s: Socket) => sockets.push(s));
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
  return (server.address() as AddressInfo).port;
}

interface Seen {
  url?: string;
  headers?: IncomingHttpHeaders;
}

/** Next's stand-in: pages answer with their own CSP; upgrades greet with `hello`, then echo every frame as `echo:<frame>`. */
async function backend(seen: Seen): Promise<number> {
  const server = createServer((req, res) => {
    seen.url = req.url;
    seen.headers = req.headers;
    res.writeHead(200, { "Content-Type": "text/html", "Content-Security-Policy": "default-src 'none'" });
    res.end("<p>page</p>");
  });
  server.on("upgrade", (req: IncomingMessage, socket: Socket) => {
    seen.url = req.url;
    seen.headers = req.headers;
    socket.write("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\r\nhello");
    socket.on("data", (frame: Buffer) => socket.write(`echo:${frame.toString()}`));
  });
  return listen(server);
}

/** Port of a port that nothing listens on any more. */
async function closedPort(): Promise<number> {
  const gone = createServer();
  await new Promise<void>((r) => gone.listen(0, "127.0.0.1", () => r()));
  const port = (gone.address() as AddressInfo).port;
  await new Promise((r) => gone.close(r));
  return port;
}

const AT = Date.UTC(2027, 6, 5, 13);

/** The edge's part, as the router calls it for a preview request at AT. */
async function edge(backendPort: number): Promise<number> {
  const runtime = { version: () => 7, onReload: () => () => {} };
  const preview = edgePreview({ runtime, backendPort, secret: "edge-secret" });
  previews.push(preview);
  const server = createServer((req, res) => {
    const pathname = new URL(req.url ?? "/", "http://localhost").pathname;
    const request: EdgeRequest = {
      pathname,
      rawPath: pathname,
      query: "",
      now: AT,
      at: AT,
      audience: "preview",
      asOf: null,
      signedIn: false,
    };
    preview.serve(req, res, request);
  });
  server.on("upgrade", (req, socket, head) => preview.upgrade(req, socket, head));
  return listen(server);
}

type Outcome = { kind: "upgrade"; status: number; socket: Socket; first: Buffer } | { kind: "response"; status: number; body: string };

function upgradeRequest(port: number, path: string): Promise<Outcome> {
  return new Promise((resolve, reject) => {
    const req = request({
      host: "127.0.0.1",
      port,
      path,
      headers: {
        Connection: "Upgrade",
        Upgrade: "websocket",
        "Sec-WebSocket-Key": "dGhlIHNhbXBsZSBub25jZQ==",
        "Sec-WebSocket-Version": "13",
      },
    });
    req.on("upgrade", (res: IncomingMessage, socket: Socket, head: Buffer) => {
      resolve({ kind: "upgrade", status: res.statusCode ?? 0, socket, first: head });
    });
    req.on("response", (res) => {
      let body = "";
      res.on("data", (c: Buffer) => (body += c.toString()));
      res.on("end", () => resolve({ kind: "response", status: res.statusCode ?? 0, body }));
    });
    req.on("error", reject);
    req.end();
  });
}

/** Reads from `socket` (after `already`) until `text` has arrived. */
function readUntil(socket: Socket, text: string, already: Buffer = Buffer.alloc(0)): Promise<string> {
  return new Promise((resolve) => {
    let got = already.toString();
    if (got.includes(text)) return resolve(got);
    const onData = (c: Buffer) => {
      got += c.toString();
      if (got.includes(text)) {
        socket.off("data", onData);
        resolve(got);
      }
    };
    socket.on("data", onData);
  });
}

describe("the preview's pass-through to Next", () => {
  it("carries the hot-reload WebSocket: the upgrade as the browser sent it, then frames both ways", async () => {
    const seen: Seen = {};
    const port = await edge(await backend(seen));
    const outcome = await upgradeRequest(port, "/_next/webpack-hmr?id=abc");
    expect(outcome.kind).toBe("upgrade");
    if (outcome.kind !== "upgrade") return;
    expect(outcome.status).toBe(101);
    expect(await readUntil(outcome.socket, "hello", outcome.first)).toBe("hello");
    outcome.socket.write("ping");
    expect(await readUntil(outcome.socket, "echo:ping")).toBe("echo:ping");
    outcome.socket.write("again");
    expect(await readUntil(outcome.socket, "echo:again")).toBe("echo:again");
    expect(seen.url).toBe("/_next/webpack-hmr?id=abc");
    expect(seen.headers?.["sec-websocket-key"]).toBe("dGhlIHNhbXBsZSBub25jZQ==");
    expect(seen.headers?.["upgrade"]).toBe("websocket");
    expect(seen.headers?.["x-forwarded-for"]).toBeUndefined();
    outcome.socket.destroy();
  });

  it("passes on the dev server's refusal to upgrade as an ordinary response", async () => {
    const refusing = createServer((_req, res) => res.end());
    refusing.on("upgrade", (_req: IncomingMessage, socket: Socket) => {
      socket.end("HTTP/1.1 404 Not Found\r\nContent-Length: 9\r\nConnection: close\r\n\r\nno socket");
    });
    const port = await edge(await listen(refusing));
    expect(await upgradeRequest(port, "/_next/unknown")).toMatchObject({ kind: "response", status: 404, body: "no socket" });
  });

  it("closes an upgrading client's socket when the dev server is gone, and keeps serving", async () => {
    const port = await edge(await closedPort());
    await expect(upgradeRequest(port, "/_next/webpack-hmr")).rejects.toThrow(/socket hang up|ECONNRESET/);
    const res = await fetch(`http://127.0.0.1:${port}/landing`);
    expect(res.status).toBe(502);
  });

  it("sends pages on with the edge's decision, and answers with the edge's CSP in place of Next's", async () => {
    const seen: Seen = {};
    const port = await edge(await backend(seen));
    const res = await fetch(`http://127.0.0.1:${port}/landing?x=1`, { headers: { "accept-encoding": "gzip", [EDGE_HEADERS.now]: "1" } });
    expect(res.status).toBe(200);
    expect(await res.text()).toBe("<p>page</p>");
    expect(res.headers.get("content-security-policy")).toContain("'unsafe-eval'");
    expect(res.headers.get("content-security-policy")).not.toBe("default-src 'none'");
    expect(seen.url).toBe("/landing?x=1");
    expect(seen.headers?.[EDGE_HEADERS.now]).toBe(String(AT));
    expect(seen.headers?.[EDGE_HEADERS.audience]).toBe("preview");
    expect(seen.headers?.[EDGE_HEADERS.secret]).toBe("edge-secret");
    expect(seen.headers?.["accept-encoding"]).toBeUndefined();
  });

  it("answers 502 when the dev server is gone", async () => {
    const port = await edge(await closedPort());
    const res = await fetch(`http://127.0.0.1:${port}/landing`);
    expect(res.status).toBe(502);
    expect(await res.text()).toBe("Bad Gateway");
  });

  it("tells open pages the content version at once, on its own path", async () => {
    const port = await edge(await closedPort());
    const controller = new AbortController();
    const res = await fetch(`http://127.0.0.1:${port}/__installment/events`, { signal: controller.signal });
    expect(res.headers.get("content-type")).toBe("text/event-stream");
    const reader = res.body!.getReader();
    let text = "";
    while (!text.includes("data: 7")) text += new TextDecoder().decode((await reader.read()).value);
    expect(text).toBe("retry: 1000\n\ndata: 7\n\n");
    controller.abort();
  });
});
