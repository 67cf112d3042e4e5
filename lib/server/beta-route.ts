import type { IncomingMessage, ServerResponse } from "node:http";
import send from "send";
import { cacheRoot, readEnv } from "../env";
import { cacheLayout } from "../cache-layout";
import { realTime } from "../clock";
import { betaView } from "../site/beta-view";
import { assetFiles } from "../media/asset-files";
import { isMediaFileName } from "../media/serve-path";
import { betaLinkKey, betaLinkStore, parseBetaPath, verifyBetaLink } from "./beta-links";
import { EDGE_HEADERS } from "./edge-headers";
import type { CachedResponse } from "./page-cache";
import type { Runtime } from "./runtime";

export interface BetaRouteDeps {
  runtime: Runtime;
  /** Story time of this request (the clock's, never an editor's as-of). */
  now: number;
  /** Renders `url` from the backend for a reader at `now`, with these extra edge headers. Never cached. */
  render(extra: Record<string, string>): Promise<CachedResponse>;
}

/** Every answer to a valid beta link: for this one person, never stored, never indexed, never sent on as a referrer. */
const BETA_HEADERS = { "Cache-Control": "private, no-store", "X-Robots-Tag": "noindex", "Referrer-Policy": "no-referrer" } as const;

/**
 * `/beta/<slug>/<link>` and `/beta/<slug>/<link>/media/<file>`. Answers a
 * valid, unexpired, unrevoked link to a chapter that is not out yet with that
 * chapter (or its media); once the chapter is out, a 307 to its public page.
 * Returns false for anything else, which the edge then answers with the
 * site's canonical 404, exactly like any unknown path.
 */
export async function serveBeta(req: IncomingMessage, res: ServerResponse, pathname: string, deps: BetaRouteDeps): Promise<boolean> {
  const parsed = parseBetaPath(pathname);
  const editorToken = readEnv().EDITOR_TOKEN;
  if (!parsed || !editorToken) return false;
  const link = verifyBetaLink(betaLinkKey(editorToken), parsed.slug, parsed.token, realTime());
  // Read on every request, so a revocation on any instance holds from the next one.
  if (!link || betaLinkStore().isRevoked(link.id)) return false;
  const found = betaView(deps.runtime.snapshot(), deps.now, link.slug);
  if (!found) return false;
  if (found.kind === "released") {
    setHeaders(res);
    res.statusCode = 307;
    res.setHeader("Location", parsed.media ? `/media/${parsed.media}` : `/${found.slug}`);
    res.end();
    return true;
  }
  const base = `/beta/${parsed.slug}/${parsed.token}`;
  if (parsed.media !== null) {
    const manifest = deps.runtime.media();
    const files = new Set(found.found.chapter.chapter.media.flatMap((ref) => (manifest[ref.path] ? assetFiles(manifest[ref.path]!) : [])));
    if (!isMediaFileName(parsed.media) || !files.has(parsed.media)) return false;
    return sendMedia(req, res, parsed.media);
  }
  const entry = await deps.render({ [EDGE_HEADERS.beta]: base });
  // Next answers a flight request without its cache-busting `_rsc` value with a redirect to this same page: passed on.
  const sameRedirect = entry.status >= 300 && entry.status < 400 && (entry.headers["location"] ?? "").startsWith(`${base}?`);
  if (entry.status !== 200 && !sameRedirect) return false;
  for (const [k, v] of Object.entries(entry.headers)) if (k !== "etag") res.setHeader(k, v);
  setHeaders(res);
  res.statusCode = entry.status;
  res.setHeader("Content-Length", entry.body.length);
  res.end(req.method === "HEAD" ? undefined : entry.body);
  return true;
}

function setHeaders(res: ServerResponse): void {
  for (const [k, v] of Object.entries(BETA_HEADERS)) res.setHeader(k, v);
}

function sendMedia(req: IncomingMessage, res: ServerResponse, name: string): Promise<boolean> {
  return new Promise((resolve) => {
    res.once("finish", () => resolve(true));
    send(req, name, {
      root: cacheLayout(cacheRoot()).mediaFiles,
      dotfiles: "deny",
      index: false,
      cacheControl: false,
      etag: false,
      lastModified: false,
    })
      // Headers only once the file is there: a missing file falls back to the canonical 404 untouched.
      .on("headers", () => {
        setHeaders(res);
        res.setHeader("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
      })
      .on("error", () => resolve(false))
      .pipe(res);
  });
}
