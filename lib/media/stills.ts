// Stills and covers: AVIF + WebP renditions at a few widths (never upscaled)
// and a JPEG fallback (PNG when the image has alpha), all with width/height.
import sharp from "sharp";
import type { Rendition } from "./types";

const STILL_WIDTHS = [480, 960, 1600] as const;
const STILL_QUALITY = { avif: 50, webp: 78, jpeg: 80 } as const;

/** Widths to render for an image `width` px wide: the ladder below it, and the image itself (capped at the top step). */
export function renditionWidths(width: number, ladder: readonly number[] = STILL_WIDTHS): number[] {
  const top = Math.min(width, ladder[ladder.length - 1] ?? width);
  const widths = ladder.filter((w) => w < top);
  widths.push(top);
  return widths.sort((a, b) => b - a);
}

export interface RenderedImage {
  data: Buffer;
  width: number;
  height: number;
  format: Rendition["format"];
  ext: "avif" | "webp" | "jpg" | "png";
  /** Variant key: it is part of the content-addressed name. */
  variant: string;
}

export interface RenderedStill {
  width: number;
  height: number;
  /** Largest first; AVIF then WebP at each width. */
  renditions: RenderedImage[];
  fallback: RenderedImage;
}

/** Throws when sharp cannot decode the image. */
export async function renderStill(input: Uint8Array): Promise<RenderedStill> {
  // `autoOrient` so a phone JPEG's EXIF rotation is baked in and width/height match what is shown.
  const base = sharp(input, { pages: 1 }).autoOrient();
  const meta = await base.metadata();
  const rotated = (meta.orientation ?? 1) >= 5;
  const width = (rotated ? meta.height : meta.width) ?? 0;
  const height = (rotated ? meta.width : (meta.pageHeight ?? meta.height)) ?? 0;
  if (!width || !height) throw new Error("image has no dimensions");
  const widths = renditionWidths(width);
  const heightAt = (w: number) => Math.max(1, Math.round((height * w) / width));

  const renditions: RenderedImage[] = [];
  for (const w of widths) {
    const resized = () => base.clone().resize({ width: w, withoutEnlargement: true });
    renditions.push({
      data: await resized().avif({ quality: STILL_QUALITY.avif, effort: 4 }).toBuffer(),
      width: w,
      height: heightAt(w),
      format: "avif",
      ext: "avif",
      variant: `still-avif-${w}`,
    });
    renditions.push({
      data: await resized().webp({ quality: STILL_QUALITY.webp }).toBuffer(),
      width: w,
      height: heightAt(w),
      format: "webp",
      ext: "webp",
      variant: `still-webp-${w}`,
    });
  }
  const top = widths[0] as number;
  const fallbackImage = base.clone().resize({ width: top, withoutEnlargement: true });
  const fallback: RenderedImage = meta.hasAlpha
    ? {
        data: await fallbackImage.png({ compressionLevel: 9, palette: false }).toBuffer(),
        width: top,
        height: heightAt(top),
        format: "png",
        ext: "png",
        variant: `still-png-${top}`,
      }
    : {
        data: await fallbackImage.flatten().jpeg({ quality: STILL_QUALITY.jpeg, mozjpeg: true }).toBuffer(),
        width: top,
        height: heightAt(top),
        format: "jpeg",
        ext: "jpg",
        variant: `still-jpeg-${top}`,
      };
  return { width, height, renditions, fallback };
}
