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
  codec: "h264" | "vp9" | "vp8";
  bytes: number;
  /** The average bitrate (bits/s) it was held to when the quality setting came out over budget. */
  ceiling?: number;
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
