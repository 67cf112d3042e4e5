// Public surface of the media pipeline.
export { processMedia, type ProcessMediaOptions, type ProcessMediaResult } from "./process";
export { formatSummary, formatBytes, type MediaSummary } from "./summary";
export { assetFiles, filesByOwner } from "./asset-files";
export { isMediaFileName, mediaFilePath, contentTypeFor, MEDIA_FILE_NAME, IMMUTABLE_CACHE_CONTROL } from "./serve-path";
export { resolveStoreDir } from "./store";
export { PIPELINE_VERSION } from "./hash";
export type { MediaAsset, MediaManifest, Rendition } from "./types";
