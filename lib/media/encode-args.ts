// The ffmpeg arguments of every video a GIF becomes: one codec, one setting
// (quality or a bitrate ceiling), one pass. Pure, so the choices are testable.
import type { EncodeSettings } from "./video-budget";

/**
 * SVT-AV1's quality setting, preset 8: on the generated GIFs it lands within
 * about 0.01 SSIM of H.264 CRF 25 and VP9 CRF 34, mostly above
 * (docs/architecture.md, "Media figures").
 */
export const AV1_QUALITY_CRF = 35;

/**
 * Even dimensions (yuv420p needs them; odd GIFs lose at most one edge row or
 * column to a resample), BT.709 matrix, tagged so browsers convert back to the
 * same RGB the GIF had.
 */
export const VIDEO_FILTER = "scale=trunc(iw/2)*2:trunc(ih/2)*2:flags=lanczos:out_color_matrix=bt709:out_range=tv,format=yuv420p";
export const COLOR_TAGS = ["-colorspace", "bt709", "-color_primaries", "bt709", "-color_trc", "bt709", "-color_range", "tv"];

export type VideoCodec = "h264" | "vp9" | "vp8" | "av1";

/**
 * AV1 goes in MP4: Chromium and Firefox play AV1 in MP4 and WebM alike, but
 * Safari (17+, on devices with an AV1 decoder) plays it only in MP4.
 */
export const CONTAINER: Record<VideoCodec, "mp4" | "webm"> = { h264: "mp4", vp9: "webm", vp8: "webm", av1: "mp4" };

/**
 * The `type` of the `<source>`: container only for the codecs every browser
 * that plays the container plays; AV1's carries its exact `codecs` string,
 * read from the file (av1CodecsString), so a browser without AV1 skips it.
 */
export const SOURCE_TYPE: Record<Exclude<VideoCodec, "av1">, string> = { h264: "video/mp4", vp9: "video/webm", vp8: "video/webm" };

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
  av1: ["-crf", String(AV1_QUALITY_CRF)],
};

const CODEC: Record<VideoCodec, string[]> = {
  h264: ["-c:v", "libx264", "-preset", "slow", "-profile:v", "high"],
  vp9: ["-c:v", "libvpx-vp9", "-row-mt", "1", "-deadline", "good", "-cpu-used", "4"],
  vp8: ["-c:v", "libvpx", "-deadline", "good", "-cpu-used", "4"],
  // Preset 8: about VP9's encode time at cpu-used 4 (2–3.5 s per clip on 2 cores).
  av1: ["-c:v", "libsvtav1", "-preset", "8"],
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
  const rate =
    settings.mode === "quality"
      ? QUALITY[codec]
      : settings.mode === "crf"
        ? ["-crf", String(settings.crf)]
        : ["-b:v", String(settings.bitrate)];
  const pass = opts.pass ? ["-pass", String(opts.pass.n), "-passlogfile", opts.pass.log] : [];
  const mux = CONTAINER[codec] === "mp4" ? ["-movflags", "+faststart"] : [];
  // SVT-AV1 ignores -threads; `lp` caps the cores it takes (the pool already runs one job per core).
  const svt = codec === "av1" ? ["-svtav1-params", `lp=${Math.max(1, opts.threads)}`] : [];
  return [
    "-map_metadata",
    "-1",
    "-vf",
    VIDEO_FILTER,
    ...COLOR_TAGS,
    ...CODEC[codec],
    ...rate,
    ...svt,
    ...pass,
    "-pix_fmt",
    "yuv420p",
    ...mux,
    "-an",
    "-threads",
    String(Math.max(1, opts.threads)),
  ];
}

/**
 * The RFC 6381 `codecs` value of an AV1 MP4 (`av01.0.04M.08`: profile, level
 * and tier, bit depth), read from its AV1CodecConfigurationRecord (`av1C`
 * box), so the `<source type>` says exactly what the file needs; null when
 * the file has none.
 */
export function av1CodecsString(mp4: Uint8Array): string | null {
  const at = Buffer.from(mp4.buffer, mp4.byteOffset, mp4.byteLength).indexOf("av1C");
  if (at < 0 || at + 8 > mp4.length) return null;
  const marker = mp4[at + 4] as number;
  const b1 = mp4[at + 5] as number;
  const b2 = mp4[at + 6] as number;
  // marker (1 bit, set) + version (7 bits, 1)
  if (marker !== 0x81) return null;
  const profile = b1 >> 5;
  const level = b1 & 0x1f;
  const tier = b2 & 0x80 ? "H" : "M";
  const highBitdepth = Boolean(b2 & 0x40);
  const twelveBit = Boolean(b2 & 0x20);
  const depth = highBitdepth ? (twelveBit ? "12" : "10") : "08";
  return `av01.${profile}.${String(level).padStart(2, "0")}${tier}.${depth}`;
}

/** `video/mp4; codecs="av01.0.04M.08"` for an AV1 MP4's bytes, or null. */
export function av1SourceType(mp4: Uint8Array): string | null {
  const codecs = av1CodecsString(mp4);
  return codecs ? `video/mp4; codecs="${codecs}"` : null;
}
