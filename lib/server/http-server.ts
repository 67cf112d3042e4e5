import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import path from "node:path";
import next from "next";
import send from "send";
import { contentSecurityPolicy, newNonce, staticSecurityHeaders } from "./security-headers";
import { guardRequest } from "./request-guard";
import { servableMedia } from "./media-access";
import { EDGE_HEADERS } from "./edge-headers";
import type { Runtime } from "./runtime";
import { siteView } from "../site/visibility";
import { cacheRoot } from "../env";

export interface ServerOptions {
  runtime: Runtime;
  dev: boolean;
  port: number;
  hostname?: string;
  projectDir: string;
}

const MEDIA_FILE = /^\/media\/([0-9a-f]{16}\.(?:mp4|webm|webp|avif|jpg|png|gif))$/;

/**
 * The HTTP edge in front of Next: the only code that reads the clock for a
 * request. It adds security headers, serves released media, and hands pages
 * to Next with the request's instant and audience in trusted headers.
 */
export async function startServer(options: ServerOptions): Promise<Server> {
  const app = next({ dev: options.dev, dir: options.projectDir, hostname: options.hostname ?? "localhost", port: options.port });
  const handle = app.getRequestHandler();
  await app.prepare();
  const mediaDir = path.join(cacheRoot(), "media");

  const server = createServer((req, res) => {
    void onRequest(req, res).catch((error: unknown) => {
      console.error(error);
      if (!res.headersSent) {
        res.statusCode = 500;
        res.setHeader("Content-Type", "text/plain; charset=utf-8");
      }
      res.end("Internal Server Error");
    });
  });

  async function onRequest(req: IncomingMessage, res: ServerResponse) {
    for (const [k, v] of Object.entries(staticSecurityHeaders())) res.setHeader(k, v);
    const guard = guardRequest(req);
    if (!guard.ok) {
      if (guard.status === 405) res.setHeader("Allow", "GET, HEAD");
      return plain(res, guard.status, guard.message);
    }
    stripEdgeHeaders(req);
    await options.runtime.ready;

    const media = MEDIA_FILE.exec(guard.pathname);
    if (guard.pathname.startsWith("/media/")) {
      const view = siteView(options.runtime.snapshot(), options.runtime.clock.now(), options.runtime.mode === "preview" ? "preview" : "reader");
      if (!media || !view || !servableMedia(view, options.runtime.media()).has(media[1]!)) return plain(res, 404, "Not Found");
      res.setHeader("Cache-Control", "public, max-age=31536000, immutable");
      send(req, media[1]!, { root: mediaDir, dotfiles: "deny", index: false, cacheControl: false })
        .on("error", () => plain(res, 404, "Not Found"))
        .pipe(res);
      return;
    }

    const nonce = newNonce();
    const csp = contentSecurityPolicy(nonce, options.dev);
    req.headers[EDGE_HEADERS.nonce] = nonce;
    req.headers["content-security-policy"] = csp;
    res.setHeader("Content-Security-Policy", csp);
    await handle(req, res);
  }

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.hostname, () => resolve());
  });
  return server;
}

function stripEdgeHeaders(req: IncomingMessage): void {
  for (const h of Object.values(EDGE_HEADERS)) delete req.headers[h];
  delete req.headers["content-security-policy"];
}

function plain(res: ServerResponse, status: number, message: string): void {
  res.statusCode = status;
  res.setHeader("Content-Type", "text/plain; charset=utf-8");
  res.setHeader("Cache-Control", "no-store");
  res.end(message);
}
