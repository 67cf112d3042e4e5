import type { Diagnostic, MediaRef } from "../content/types";
import type { MediaManifest } from "../media/types";
import { processMedia } from "../media/process";
import { av1FfmpegCandidates, type Env } from "../env";

/** Transcodes (or reuses from the store) every media file the chapters use. */
export async function buildManifest(
  refs: MediaRef[],
  storeDir: string,
  env: Pick<Env, "INSTALLMENT_FFMPEG" | "INSTALLMENT_AV1_FFMPEG" | "INSTALLMENT_FFMPEG_TIMEOUT_MS"> = {},
): Promise<{ manifest: MediaManifest; warnings: Diagnostic[] }> {
  const { manifest, warnings } = await processMedia(refs, {
    storeDir,
    ffmpeg: env.INSTALLMENT_FFMPEG,
    av1Ffmpeg: av1FfmpegCandidates(env),
    timeoutMs: env.INSTALLMENT_FFMPEG_TIMEOUT_MS,
  });
  return { manifest, warnings };
}
