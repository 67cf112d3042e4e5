// How close a transcoded video is to its GIF: ffmpeg's `ssim` filter, with the
// GIF converted exactly as the encoder's input was (even size, BT.709,
// yuv420p), so the figure measures what the encoder lost and not the chroma
// subsampling every setting shares.
import { runFfmpeg } from "./ffmpeg";
import { VIDEO_FILTER } from "./encode-args";

export interface Ssim {
  /** Luma only: what the eye notices first. */
  y: number;
  /** Luma and chroma weighted by plane size, as ffmpeg reports it. */
  all: number;
}

/** SSIM of `video` against `gif`, or null when ffmpeg cannot compare them. */
export async function ssimAgainstGif(gif: string, video: string, timeoutMs = 5 * 60_000): Promise<Ssim | null> {
  const graph = `[1:v]${VIDEO_FILTER}[ref];[0:v]format=yuv420p[dist];[dist][ref]ssim`;
  const r = await runFfmpeg(["-i", video, "-i", gif, "-lavfi", graph, "-f", "null", "-"], { timeoutMs });
  return r.code === 0 ? parseSsim(r.stderr) : null;
}

/** Reads `SSIM Y:0.95 U:… V:… All:0.96 (13.9)` from ffmpeg's stderr. */
export function parseSsim(stderr: string): Ssim | null {
  const m = /SSIM Y:([\d.]+).*?All:([\d.]+)/.exec(stderr);
  return m ? { y: Number(m[1]), all: Number(m[2]) } : null;
}
