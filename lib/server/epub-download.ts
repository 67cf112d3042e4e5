import { createHash } from "node:crypto";
import { LRUCache } from "lru-cache";
import type { Runtime } from "./runtime";
import type { CachedResponse } from "./page-cache";
import type { SiteView } from "../site/visibility";
import { epubPath } from "../site/epub-path";
import { buildStoryEpub } from "../../components/epub/build-story-epub";
import { stateKey } from "./edge/state-key";

/**
 * The e-book at `/<story>.epub`, built by the edge rather than a Next route
 * (Next refuses react-dom/server in app code, and the book renders chapters
 * with their own components). One book per content version and release
 * state; concurrent requests share one build.
 */
export function epubDownloads(runtime: Runtime, mediaDir: string) {
  // One book at a time: a new state's book replaces the last (a request
  // still waiting on the old one gets it all the same).
  const books = new LRUCache<string, Promise<CachedResponse>>({ max: 1 });
  return {
    response(view: SiteView): Promise<CachedResponse> {
      const key = stateKey(runtime, view);
      let book = books.get(key);
      if (!book) {
        book = build(view).catch((error: unknown) => {
          // A failed build is not kept: the next request tries again.
          if (books.get(key) === book) books.delete(key);
          throw error;
        });
        books.set(key, book);
      }
      return book;
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
