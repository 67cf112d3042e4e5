// What the media pipeline produces for one source file. File names are
// content-addressed (`<sha256 prefix>.<ext>`) and served from /media/<file>
// only while a released chapter uses them.

export interface Rendition {
  file: string;
  width: number;
  format: "avif" | "webp" | "jpeg" | "png";
  bytes: number;
}

export interface VideoSource {
  file: string;
  /** The `<source type>`. */
  type: string;
  codec: "h264" | "vp9" | "vp8" | "av1";
  bytes: number;
  /** The average bitrate (bits/s) it was held to when the quality setting came out over budget. */
  ceiling?: number;
  /** AV1 only: the CRF it was raised to when the quality setting came out over its limit. */
  crf?: number;
  /** Encodes it took (the quality setting, then any ceilings or CRF steps). */
  encodes?: number;
}

/**
 * What became of a GIF's AV1 rendition, when an ffmpeg with SVT-AV1 was
 * there to make one: kept (it is the lightest, so it is listed first) or
 * dropped (it was not lighter than H.264 or VP9, so it would only cost
 * bytes; or it could not be encoded), and why.
 */
export interface Av1Decision {
  kept: boolean;
  /** Bytes of the best attempt; null when none could be encoded. */
  bytes: number | null;
  encodes: number;
  reason: string;
}

export type MediaAsset =
  | {
      kind: "video";
      /** Source path relative to the content root (posix). */
      source: string;
      width: number;
      height: number;
      /** In `<source>` order: the lighter first, since a browser plays the first it can. */
      sources: VideoSource[];
      poster: string;
      sourceBytes: number;
      /** Bytes a reader downloads for it: the first source (what Chromium, Firefox and current Safari pick) + poster. */
      servedBytes: number;
      /** Absent when no ffmpeg with SVT-AV1 was available. */
      av1?: Av1Decision;
    }
  | {
      /** Transcoding failed: the original GIF is served, with a build warning. */
      kind: "gif";
      source: string;
      width: number;
      height: number;
      file: string;
      poster: string;
      sourceBytes: number;
      servedBytes: number;
    }
  | {
      kind: "image";
      source: string;
      width: number;
      height: number;
      /** Largest-first responsive renditions in modern formats. */
      renditions: Rendition[];
      /** Fallback for browsers without AVIF/WebP. */
      fallback: string;
      sourceBytes: number;
      servedBytes: number;
    };

/** Keyed by source path relative to the content root. */
export type MediaManifest = Record<string, MediaAsset>;
