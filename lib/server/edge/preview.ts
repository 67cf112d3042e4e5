import { Agent, type IncomingMessage, type ServerResponse } from "node:http";
import type { Duplex } from "node:stream";
import { createProxyServer, proxyUpgrade } from "httpxy";
import { contentSecurityPolicy } from "../csp-hashes";
import { forwardedHeaders } from "../forwarded-headers";
import { plainResponse } from "../plain-response";
import { IDLE_SOCKET_MS } from "../render-pool";
import type { Runtime } from "../runtime";
import type { EdgeRequest } from "./edge-request";

/** Where the preview's pages (components/site/DevReload.tsx) listen for content reloads. */
const CONTENT_EVENTS_PATH = "/__installment/events";

export interface EdgePreview {
  serve(req: IncomingMessage, res: ServerResponse, request: EdgeRequest): void;
  /** The hot-reload WebSocket, passed to Next's dev server. */
  upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void;
  close(): void;
}

/**
 * The author preview (`npm run dev`): every request streams through to Next's
 * dev server (its tooling, hot reload and pages, uncached) with the edge's
 * decision of instant and audience, plus an event after each content reload.
 * httpxy (unjs; no dependencies; the proxy under http-proxy-middleware) does
 * the proxying, WebSocket included: handing the socket to Next's upgrade
 * handler from another server would leave its client waiting forever.
 */
export function edgePreview(options: { runtime: Pick<Runtime, "version" | "onReload">; backendPort: number; secret: string }): EdgePreview {
  const { runtime, secret } = options;
  const target = `http://127.0.0.1:${options.backendPort}`;
  const agent = new Agent({ keepAlive: true, maxSockets: 64, timeout: IDLE_SOCKET_MS });
  const proxy = createProxyServer({ target, agent });
  // The edge's CSP (set before proxying) stands; Next's own would replace it.
  proxy.on("proxyRes", (upstream) => delete upstream.headers["content-security-policy"]);

  return {
    serve(req, res, { pathname, now, audience, asOf }) {
      if (pathname === CONTENT_EVENTS_PATH) return contentEvents(req, res);
      res.setHeader("Content-Security-Policy", contentSecurityPolicy([], true));
      Object.assign(
        req.headers,
        forwardedHeaders({}, { now, audience, secret, asOf }),
        { host: req.headers.host ?? "localhost" },
        { accept: req.headers.accept ?? "*/*" },
      );
      delete req.headers["accept-encoding"];
      proxy.web(req, res).catch(() => {
        if (!res.headersSent) plainResponse(res, 502, "Bad Gateway");
      });
    },
    upgrade(req, socket, head) {
      // As the browser sent it: Next's dev server has no use for X-Forwarded-*.
      proxyUpgrade(target, req, socket, head, { xfwd: false }).catch(() => {
        // httpxy has already answered or closed the client's socket; a lost
        // hot-reload channel costs the preview a reconnect, nothing more.
      });
    },
    close: () => agent.destroy(),
  };

  /** A server-sent event with the content version after every reload. */
  function contentEvents(req: IncomingMessage, res: ServerResponse): void {
    res.writeHead(200, { "Content-Type": "text/event-stream", "Cache-Control": "no-store", Connection: "keep-alive" });
    const send = () => res.write(`data: ${runtime.version()}\n\n`);
    res.write("retry: 1000\n\n");
    send();
    const off = runtime.onReload(send);
    req.on("close", off);
  }
}
