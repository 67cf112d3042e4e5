import type { IncomingMessage, ServerResponse } from "node:http";
import { LRUCache } from "lru-cache";
import send from "send";
import { IMMUTABLE_CACHE_CONTROL, isMediaFileName } from "../../media/serve-path";
import { siteView, type SiteView } from "../../site/visibility";
import { mediaReleaseHeaders } from "../edge-cache-policy";
import { servableMedia } from "../media-access";
import { plainResponse } from "../plain-response";
import type { Runtime } from "../runtime";
import type { EdgeRequest } from "./edge-request";
import { stateKey } from "./state-key";

/**
 * `/media/<hash>.<ext>`: a transcoded file from the store, served only when a
 * chapter the request's audience may open at its instant uses it, so the
 * store is no back door to an unreleased chapter.
 */
export function edgeMedia(runtime: Runtime, mediaDir: string): (req: IncomingMessage, res: ServerResponse, request: EdgeRequest) => void {
  // A page names a dozen media files: the set of servable ones is worked out
  // once per content version and release state, not once per file.
  const servable = new LRUCache<string, Set<string>>({ max: 1 });
  const servableIn = (view: SiteView): Set<string> => {
    const key = stateKey(runtime, view);
    let files = servable.get(key);
    if (!files) servable.set(key, (files = servableMedia(view, runtime.media())));
    return files;
  };

  return (req, res, { pathname, now, at, audience }) => {
    const view = siteView(runtime.snapshot(), at, audience);
    if (audience === "reader" && view) mediaReleaseHeaders(res, view, runtime.snapshot().schedule, now);
    const name = pathname.slice("/media/".length);
    if (!isMediaFileName(name) || !view || !servableIn(view).has(name)) return plainResponse(res, 404, "Not Found");
    res.setHeader("Cache-Control", IMMUTABLE_CACHE_CONTROL);
    res.setHeader("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
    send(req, name, { root: mediaDir, dotfiles: "deny", index: false, cacheControl: false })
      .on("error", () => plainResponse(res, 404, "Not Found"))
      .pipe(res);
  };
}
