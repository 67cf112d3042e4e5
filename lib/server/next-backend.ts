import { createServer, request, type Agent, type Server } from "node:http";
import next from "next";
import { IDLE_SOCKET_MS } from "./render-pool";

/**
 * Next.js listening on a private loopback port. The public edge talks to it
 * like a reverse proxy, which lets the edge cache whole responses per release
 * state and hash their inline scripts, without reaching into Next's internals.
 */
export interface NextBackend {
  port: number;
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
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

export interface BackendResponse {
  status: number;
  headers: Record<string, string | string[]>;
  body: Buffer;
}

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
