import type { IncomingMessage, ServerResponse } from "node:http";
import { contentSecurityPolicy } from "../csp-hashes";
import { forwardedHeaders } from "../forwarded-headers";
import { pipeFromBackend } from "../next-backend";
import { plainResponse } from "../plain-response";
import type { Runtime } from "../runtime";
import type { EdgeRequest } from "./edge-request";

/** Where the preview's pages (components/site/DevReload.tsx) listen for content reloads. */
const CONTENT_EVENTS_PATH = "/__installment/events";

/**
 * The author preview (`npm run dev`): every request streams through to Next's
 * dev server (its tooling, hot reload and pages, uncached), with the edge's
 * decision of instant and audience, plus an event after each content reload.
 */
export function edgePreview(options: { runtime: Pick<Runtime, "version" | "onReload">; backendPort: number; secret: string }) {
  const { runtime, backendPort, secret } = options;
  return {
    serve(req: IncomingMessage, res: ServerResponse, { pathname, now, audience, asOf }: EdgeRequest): void {
      if (pathname === CONTENT_EVENTS_PATH) return contentEvents(req, res);
      res.setHeader("Content-Security-Policy", contentSecurityPolicy([], true));
      Object.assign(
        req.headers,
        forwardedHeaders({}, { now, audience, secret, asOf }),
        { host: req.headers.host ?? "localhost" },
        { accept: req.headers.accept ?? "*/*" },
      );
      delete req.headers["accept-encoding"];
      pipeFromBackend(
        backendPort,
        req,
        (upstream) => {
          const headers = { ...upstream.headers };
          delete headers["content-security-policy"];
          res.writeHead(upstream.statusCode ?? 502, headers);
          upstream.pipe(res);
        },
        () => plainResponse(res, 502, "Bad Gateway"),
      );
    },
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
