// A still image becomes responsive AVIF/WebP renditions plus a fallback; an
// image sharp cannot decode is served as it is, with a warning.
import path from "node:path";
import type { MediaRef } from "../content/types";
import { addressedName, PIPELINE_VERSION } from "./hash";
import { gifHeaderSize } from "./poster";
import type { JobResult } from "./process-types";
import { renderStill } from "./stills";
import { writeAddressed, type Store } from "./store";

export async function processStill(ref: MediaRef, bytes: Buffer, store: Store): Promise<JobResult> {
  try {
    const still = await renderStill(bytes);
    const renditions = [];
    for (const r of still.renditions) {
      const file = addressedName(bytes, r.variant, r.ext);
      await writeAddressed(store, file, r.data);
      renditions.push({ file, width: r.width, format: r.format, bytes: r.data.length });
    }
    const fallback = addressedName(bytes, still.fallback.variant, still.fallback.ext);
    await writeAddressed(store, fallback, still.fallback.data);
    // A reader on a modern browser downloads one AVIF; the largest is the upper bound.
    const served = renditions.find((r) => r.format === "avif")?.bytes ?? still.fallback.data.length;
    return {
      cacheable: true,
      entry: {
        version: PIPELINE_VERSION,
        asset: {
          kind: "image",
          width: still.width,
          height: still.height,
          renditions,
          fallback,
          sourceBytes: bytes.length,
          servedBytes: served,
        },
      },
    };
  } catch (err) {
    // Undecodable image: serve the original as the only file, if it is a type the store serves.
    const ext = path.extname(ref.path).slice(1).toLowerCase().replace("jpeg", "jpg");
    if (!["jpg", "png", "webp", "avif", "gif"].includes(ext)) throw err;
    const fallback = addressedName(bytes, "original-still", ext);
    await writeAddressed(store, fallback, bytes);
    const size = gifHeaderSize(bytes);
    return {
      cacheable: true,
      entry: {
        version: PIPELINE_VERSION,
        warning: `could not process ${ref.path} (${err instanceof Error ? err.message : String(err)}); serving the original image`,
        asset: {
          kind: "image",
          width: size.width,
          height: size.height,
          renditions: [],
          fallback,
          sourceBytes: bytes.length,
          servedBytes: bytes.length,
        },
      },
    };
  }
}
