// The ffmpeg arguments of every video a GIF becomes: one codec, one setting
// (quality or a bitrate ceiling), one pass. Pure, so the choices are testable.
import type { EncodeSettings } from "./video-budget";

/**
 * Even dimensions (yuv420p needs them; odd GIFs lose at most one edge row or
 * column to a resample), BT.709 matrix, tagged so browsers convert back to the
 * same RGB the GIF had.
 */
export const VIDEO_FILTER = "scale=trunc(iw/2)*2:trunc(ih/2)*2:flags=lanczos:out_color_matrix=bt709:out_range=tv,format=yuv420p";
export const COLOR_TAGS = ["-colorspace", "bt709", "-color_primaries", "bt709", "-color_trc", "bt709", "-color_range", "tv"];

export type VideoCodec = "h264" | "vp9" | "vp8";

export const CONTAINER: Record<VideoCodec, "mp4" | "webm"> = { h264: "mp4", vp9: "webm", vp8: "webm" };

/** The `type` of the `<source>`: container only, as every browser that plays these reads it. */
export const SOURCE_TYPE: Record<VideoCodec, string> = { h264: "video/mp4", vp9: "video/webm", vp8: "video/webm" };

/**
 * Quality settings, used as they are when the result fits the budget.
 * H.264 High CRF 25 preset slow: on dithered GIFs CRF 23 keeps ~30% of the
 * bytes for no visible gain; `slow` buys ~10% over `medium` at GIF sizes.
 * VP9 constant quality (b:v 0 + crf 34), row multithreading, `good` deadline
 * at cpu-used 4 to keep build time sane. VP8 only when the build has no VP9.
 */
const QUALITY: Record<VideoCodec, string[]> = {
  h264: ["-crf", "25"],
  vp9: ["-b:v", "0", "-crf", "34"],
  vp8: ["-b:v", "1M", "-crf", "10"],
};

const CODEC: Record<VideoCodec, string[]> = {
  h264: ["-c:v", "libx264", "-preset", "slow", "-profile:v", "high"],
  vp9: ["-c:v", "libvpx-vp9", "-row-mt", "1", "-deadline", "good", "-cpu-used", "4"],
  vp8: ["-c:v", "libvpx", "-deadline", "good", "-cpu-used", "4"],
};

/**
 * Arguments for one output. A ceiling is a two-pass average bitrate: it
 * spends the budget where the clip needs it, which a CRF raised until it
 * fits cannot (and lands within a few percent of the target on a loop of
 * a few seconds).
 */
export function outputArgs(
  codec: VideoCodec,
  settings: EncodeSettings,
  opts: { threads: number; pass?: { n: 1 | 2; log: string } },
): string[] {
  const rate = settings.mode === "quality" ? QUALITY[codec] : ["-b:v", String(settings.bitrate)];
  const pass = opts.pass ? ["-pass", String(opts.pass.n), "-passlogfile", opts.pass.log] : [];
  const mux = CONTAINER[codec] === "mp4" ? ["-movflags", "+faststart"] : [];
  return [
    "-map_metadata",
    "-1",
    "-vf",
    VIDEO_FILTER,
    ...COLOR_TAGS,
    ...CODEC[codec],
    ...rate,
    ...pass,
    "-pix_fmt",
    "yuv420p",
    ...mux,
    "-an",
    "-threads",
    String(Math.max(1, opts.threads)),
  ];
}
