// What one media job hands back to processMedia, and what it gets to work with.
import type { MediaAsset } from "./types";
import type { Store } from "./store";

/** What the cache index stores per source hash (the asset minus its source path). */
export interface IndexEntry {
  version: string;
  asset: DistributiveOmit<MediaAsset, "source">;
  /** Set for fallbacks: re-emitted as a warning on every cache hit. */
  warning?: string;
  /** Advice that is not a fallback (e.g. the video came out over its budget); also re-emitted. */
  note?: string;
}
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

export interface JobResult {
  entry: IndexEntry;
  /** False for failures that may not happen next time (a timeout, a missing ffmpeg). */
  cacheable: boolean;
}

export interface JobContext {
  store: Store;
  /** Encoder threads per job. */
  threads: number;
  timeoutMs: number | undefined;
  /** An ffmpeg binary instead of the bundled one (INSTALLMENT_FFMPEG). */
  ffmpeg: string | undefined;
  /** The ffmpeg with SVT-AV1 that makes the AV1 rendition; null: no AV1. */
  av1Ffmpeg: string | null;
}
