import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { staticSecurityHeaders } from "./security-headers";
import { cacheLayout } from "../cache-layout";
import { cacheRoot, readEnv, type Env } from "../env";
import { guardRequest } from "./request-guard";
import { EDGE_HEADERS } from "./edge-headers";
import { edgeSecret } from "./edge-secret";
import type { PageCache } from "./page-cache";
import { startNextBackend } from "./next-backend";
import { answerRefused, RenderRefused } from "./render-pool";
import { httpServerOptions, servingLimits } from "./serving-limits";
import type { Runtime } from "./runtime";
import { editorAccess } from "./editor-access";
import { handleBetaForm } from "./beta-forms";
import { buildIslandsBundle } from "./islands-bundle";
import { plainResponse } from "./plain-response";
import { backendFetch } from "./edge/backend-response";
import { edgeAssets } from "./edge/assets";
import { edgeMedia } from "./edge/media";
import { edgePages } from "./edge/pages";
import { edgePreview } from "./edge/preview";
import type { EdgeRequest } from "./edge/edge-request";

export interface ServerOptions {
  runtime: Runtime;
  dev: boolean;
  port: number;
  hostname?: string;
  projectDir: string;
  /** The validated environment, read once by the caller (default: this process's). */
  env?: Env;
}

export interface Edge {
  server: Server;
  cache: PageCache;
  /** Renders the pages that change at `at` ahead of time, into that state's cache. */
  warm(at: number): Promise<number>;
  close(): Promise<void>;
}

/**
 * The public HTTP edge: the only code that reads the clock for a request. It
 * refuses what no reader sends, decides each request's instant and audience,
 * and hands it to the module for its path (lib/server/edge/): media, static
 * assets, the preview's pass-through or pages.
 */
export async function startServer(options: ServerOptions): Promise<Edge> {
  const { runtime, dev, projectDir } = options;
  const backend = await startNextBackend({ dev, projectDir });
  const env = options.env ?? readEnv();
  const limits = servingLimits(env);
  const headers = staticSecurityHeaders(env);
  const mediaFiles = cacheLayout(cacheRoot(env)).mediaFiles;
  const secret = edgeSecret();
  // Reader pages are served without Next's client runtime, with this one
  // deferred script instead (lib/server/reader-html.ts). Dev keeps the runtime.
  const islands = dev ? null : await buildIslandsBundle(projectDir);
  const fetch = backendFetch({ port: backend.port, dev, islandsPath: islands?.path ?? null });
  const pages = edgePages({ runtime, limits, fetch, secret, mediaFiles });
  const media = edgeMedia(runtime, mediaFiles);
  const assets = islands ? edgeAssets({ projectDir, limits, islands, fetch }) : null;
  const preview = dev ? edgePreview({ runtime, backendPort: backend.port, secret }) : null;

  const server = createServer(httpServerOptions(limits), (req, res) => {
    void onRequest(req, res).catch((error: unknown) => {
      if (error instanceof RenderRefused && !res.headersSent) return void answerRefused(res, error);
      console.error(error);
      if (!res.headersSent) plainResponse(res, 500, "Internal Server Error");
      else res.destroy();
    });
  });
  if (preview) server.on("upgrade", (req, socket, head) => preview.upgrade(req, socket, head));

  async function onRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    for (const [k, v] of Object.entries(headers)) res.setHeader(k, v);
    if (await handleBetaForm(req, res, runtime)) return;
    const guard = guardRequest(req);
    if (!guard.ok) {
      if (guard.status === 405) res.setHeader("Allow", "GET, HEAD");
      // A body announced but unread: the connection goes with the answer.
      if (guard.close) res.setHeader("Connection", "close");
      return plainResponse(res, guard.status, guard.message);
    }
    for (const h of Object.values(EDGE_HEADERS)) delete req.headers[h];
    await runtime.ready;

    const editor = editorAccess(req, res, runtime);
    if (editor.handled) return;
    const now = runtime.clock.now();
    const request: EdgeRequest = {
      pathname: guard.pathname,
      rawPath: guard.rawPath,
      query: guard.query,
      now,
      at: editor.asOf ?? now,
      audience: runtime.mode === "preview" || editor.signedIn ? "preview" : "reader",
      asOf: editor.asOf,
      signedIn: editor.signedIn,
    };
    const { pathname } = request;

    if (pathname.startsWith("/beta/") && (await pages.serveBeta(req, res, request))) return;
    if (pathname.startsWith("/media/")) return media(req, res, request);
    if (assets && (await assets.serve(req, res, pathname, request.rawPath))) return;
    if (preview) return preview.serve(req, res, request);
    return pages.serve(req, res, request);
  }

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.hostname, () => resolve());
  });
  return {
    server,
    cache: pages.cache,
    warm: (at) => pages.warm(at),
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      pages.close();
      assets?.close();
      preview?.close();
      await backend.close();
    },
  };
}
