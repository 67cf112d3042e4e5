import type { Diagnostic, MediaRef } from "../content/types";
import type { MediaManifest } from "../media/types";
import { processMedia } from "../media/process";

/** Transcodes (or reuses from the store) every media file the chapters use. */
export async function buildManifest(refs: MediaRef[], storeDir: string): Promise<{ manifest: MediaManifest; warnings: Diagnostic[] }> {
  const { manifest, warnings } = await processMedia(refs, { storeDir });
  return { manifest, warnings };
}
