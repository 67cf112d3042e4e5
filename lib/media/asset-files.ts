// Which store files an asset uses, so the server can map file → chapters and
// serve a file only while a released chapter uses it.
import type { MediaAsset, MediaManifest } from "./types";

/** Every store file name the asset references (no empty names, no duplicates). */
export function assetFiles(asset: MediaAsset): string[] {
  const names: string[] = [];
  switch (asset.kind) {
    case "video":
      names.push(...asset.sources.map((s) => s.file), asset.poster);
      break;
    case "gif":
      names.push(asset.file, asset.poster);
      break;
    case "image":
      names.push(...asset.renditions.map((r) => r.file), asset.fallback);
      break;
  }
  return [...new Set(names.filter(Boolean))];
}

/**
 * file name → owners (e.g. chapter slugs) whose media use it.
 * `owners` pairs an owner with the content-root paths of its media (MediaRef.path);
 * paths missing from the manifest are skipped.
 */
export function filesByOwner<K>(manifest: MediaManifest, owners: Iterable<readonly [K, Iterable<string>]>): Map<string, K[]> {
  const out = new Map<string, K[]>();
  for (const [owner, paths] of owners) {
    for (const p of paths) {
      const asset = manifest[p];
      if (!asset) continue;
      for (const file of assetFiles(asset)) {
        const list = out.get(file);
        if (!list) out.set(file, [owner]);
        else if (!list.includes(owner)) list.push(owner);
      }
    }
  }
  return out;
}
