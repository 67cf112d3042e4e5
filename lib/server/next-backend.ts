import { createServer, request, Agent, type IncomingMessage, type Server } from "node:http";
import { connect } from "node:net";
import type { Duplex } from "node:stream";
import next from "next";
import { IDLE_SOCKET_MS } from "./render-pool";

/**
 * Next.js listening on a private loopback port. The public edge talks to it
 * like a reverse proxy, which lets the edge cache whole responses per release
 * state and hash their inline scripts, without reaching into Next's internals.
 */
export interface NextBackend {
  port: number;
  upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void;
  close(): Promise<void>;
}

export async function startNextBackend(options: { dev: boolean; projectDir: string }): Promise<NextBackend> {
  const app = next({ dev: options.dev, dir: options.projectDir, hostname: "127.0.0.1", port: 0 });
  await app.prepare();
  const handle = app.getRequestHandler();
  const upgrade = app.getUpgradeHandler();
  const server: Server = createServer((req, res) => {
    void handle(req, res);
  });
  server.on("upgrade", (req, socket, head) => void upgrade(req, socket, head));
  // Idle sockets are closed by the edge's agents (IDLE_SOCKET_MS) well before
  // this, so the edge never sends a request on a socket Next is closing.
  server.keepAliveTimeout = 4 * IDLE_SOCKET_MS;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return {
    port,
    upgrade: (req, socket, head) => tunnel(port, req, socket, head),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/**
 * Passes a WebSocket upgrade (the dev server's hot-reload channel) through to
 * the backend byte for byte: handing the socket to Next's upgrade handler
 * from another server leaves its client waiting forever.
 */
function tunnel(port: number, req: IncomingMessage, socket: Duplex, head: Buffer): void {
  const upstream = connect(port, "127.0.0.1", () => {
    const lines = [`${req.method} ${req.url} HTTP/${req.httpVersion}`];
    for (let i = 0; i < req.rawHeaders.length; i += 2) lines.push(`${req.rawHeaders[i]}: ${req.rawHeaders[i + 1]}`);
    upstream.write(lines.join("\r\n") + "\r\n\r\n");
    if (head.length) upstream.write(head);
    upstream.pipe(socket).pipe(upstream);
  });
  const close = () => {
    upstream.destroy();
    socket.destroy();
  };
  upstream.on("error", close);
  socket.on("error", close);
}

export interface BackendResponse {
  status: number;
  headers: Record<string, string | string[]>;
  body: Buffer;
}

const pipeAgent = new Agent({ keepAlive: true, maxSockets: 64, timeout: IDLE_SOCKET_MS });

/** Fetches a whole response from the backend, over `agent`; aborted (rejecting) when `signal` fires. */
export function fetchFromBackend(
  port: number,
  method: string,
  path: string,
  headers: Record<string, string>,
  options: { agent: Agent; signal?: AbortSignal; retried?: boolean },
): Promise<BackendResponse> {
  return new Promise((resolve, reject) => {
    const req = request({ host: "127.0.0.1", port, method, path, headers, agent: options.agent, signal: options.signal }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => {
        const out: Record<string, string | string[]> = {};
        for (const [k, v] of Object.entries(res.headers)) if (v !== undefined) out[k] = v;
        resolve({ status: res.statusCode ?? 502, headers: out, body: Buffer.concat(chunks) });
      });
      res.on("error", reject);
    });
    req.on("error", (error: NodeJS.ErrnoException) => {
      // A keep-alive socket the backend closed as it was reused: a GET is safe to send again, once.
      if (req.reusedSocket && error.code === "ECONNRESET" && !options.signal?.aborted && !options.retried) {
        fetchFromBackend(port, method, path, headers, { ...options, retried: true }).then(resolve, reject);
      } else reject(error);
    });
    req.end();
  });
}

/** Streams a response straight through (the dev server only: its tooling, hot reload and pages). */
export function pipeFromBackend(
  port: number,
  client: IncomingMessage,
  onResponse: (res: IncomingMessage) => void,
  onError: (e: Error) => void,
): void {
  const headers = { ...client.headers };
  const req = request({ host: "127.0.0.1", port, method: client.method, path: client.url, headers, agent: pipeAgent }, onResponse);
  req.on("error", onError);
  client.pipe(req);
}
