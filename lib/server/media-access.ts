import type { MediaManifest } from "../media/types";
import { assetFiles } from "../media/asset-files";
import type { SiteView } from "../site/visibility";

/**
 * The media files a reader may fetch: only those used by a chapter they can
 * open, so nothing in the store is a back door to an unreleased chapter.
 */
export function servableMedia(view: SiteView, manifest: MediaManifest): Set<string> {
  const files = new Set<string>();
  for (const c of view.chapters) {
    for (const ref of c.chapter.media) {
      const asset = manifest[ref.path];
      if (asset) for (const f of assetFiles(asset)) files.add(f);
    }
  }
  return files;
}
