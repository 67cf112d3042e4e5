import { createHash } from "node:crypto";
import type { Runtime } from "./runtime";
import type { CachedResponse } from "./page-cache";
import type { SiteView } from "../site/visibility";
import { epubPath } from "../site/epub-path";
import { buildStoryEpub } from "../../components/epub/build-story-epub";

/**
 * The e-book at `/<story>.epub`, built by the edge rather than a Next route
 * (Next refuses react-dom/server in app code, and the book renders chapters
 * with their own components). One book per content version and release
 * state; concurrent requests share one build.
 */
export function epubDownloads(runtime: Runtime, mediaDir: string) {
  let key = "";
  let pending: Promise<CachedResponse> | null = null;
  return {
    response(view: SiteView): Promise<CachedResponse> {
      const want = `${runtime.version()}|${view.stateKey}`;
      if (want !== key || !pending) {
        key = want;
        pending = build(view).catch((error: unknown) => {
          key = "";
          throw error;
        });
      }
      return pending;
    },
  };

  async function build(view: SiteView): Promise<CachedResponse> {
    const body = Buffer.from(await buildStoryEpub(view, runtime.media(), mediaDir));
    return {
      status: 200,
      headers: {
        "content-type": "application/epub+zip",
        "content-disposition": `attachment; filename="${epubPath(view.story).slice(1)}"`,
        "content-security-policy": "default-src 'none'; frame-ancestors 'none'",
        etag: `"${createHash("sha1").update(body).digest("base64url")}"`,
      },
      body,
      gzip: null,
    };
  }
}
