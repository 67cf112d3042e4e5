import type { MediaManifest, MediaAsset } from "../media/types";
import type { SiteView } from "../site/visibility";

/** Every generated file an asset is served as. */
export function filesOf(asset: MediaAsset): string[] {
  switch (asset.kind) {
    case "video":
      return [asset.mp4, asset.webm, asset.poster];
    case "gif":
      return [asset.file, asset.poster];
    case "image":
      return [...asset.renditions.map((r) => r.file), asset.fallback];
  }
}

/**
 * The media files a reader may fetch: only those used by a chapter they can
 * open, so nothing in the store is a back door to an unreleased chapter.
 */
export function servableMedia(view: SiteView, manifest: MediaManifest): Set<string> {
  const files = new Set<string>();
  for (const c of view.chapters) {
    for (const ref of c.chapter.media) {
      const asset = manifest[ref.path];
      if (asset) for (const f of filesOf(asset)) files.add(f);
    }
  }
  return files;
}
