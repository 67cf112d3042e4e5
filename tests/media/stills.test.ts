import { readFileSync } from "node:fs";
import path from "node:path";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { processMedia } from "../../lib/media/process";
import { mediaFilePath } from "../../lib/media/serve-path";
import { renditionWidths } from "../../lib/media/stills";
import type { MediaAsset } from "../../lib/media/types";
import { makePng, ref, tempDir } from "./fixtures";

type Image = Extract<MediaAsset, { kind: "image" }>;

describe("stills", () => {
  it("rendition widths never exceed the source", () => {
    expect(renditionWidths(3000)).toEqual([1600, 960, 480]);
    expect(renditionWidths(1600)).toEqual([1600, 960, 480]);
    expect(renditionWidths(1000)).toEqual([1000, 960, 480]);
    expect(renditionWidths(800)).toEqual([800, 480]);
    expect(renditionWidths(300)).toEqual([300]);
  });

  it("AVIF + WebP renditions with correct sizes, a JPEG fallback, never upscaled", async () => {
    const root = tempDir();
    const store = tempDir("installment-store-");
    await makePng(path.join(root, "wide.png"), 1000, 500);
    await makePng(path.join(root, "tiny.png"), 300, 200);
    const r = await processMedia([ref(root, "wide.png", "still"), ref(root, "tiny.png", "cover")], { storeDir: store, progressBar: false });
    expect(r.warnings).toEqual([]);
    const wide = r.manifest["wide.png"] as Image;
    expect(wide.kind).toBe("image");
    expect([wide.width, wide.height]).toEqual([1000, 500]);
    expect(wide.renditions.map((x) => `${x.format}@${x.width}`)).toEqual([
      "avif@1000",
      "webp@1000",
      "avif@960",
      "webp@960",
      "avif@480",
      "webp@480",
    ]);
    for (const rend of wide.renditions) {
      const buf = readFileSync(mediaFilePath(store, rend.file) as string);
      expect(buf.length).toBe(rend.bytes);
      const meta = await sharp(buf).metadata();
      expect(meta.format).toBe(rend.format === "avif" ? "heif" : "webp");
      expect(meta.width).toBe(rend.width);
      expect(meta.height).toBe(rend.width / 2);
    }
    const fb = await sharp(readFileSync(mediaFilePath(store, wide.fallback) as string)).metadata();
    expect(fb.format).toBe("jpeg");
    expect(fb.width).toBe(1000);

    const tiny = r.manifest["tiny.png"] as Image;
    expect(tiny.renditions.map((x) => x.width)).toEqual([300, 300]);
    expect(Math.max(...tiny.renditions.map((x) => x.width))).toBeLessThanOrEqual(300);
  });

  it("an image with alpha falls back to PNG", async () => {
    const root = tempDir();
    const store = tempDir("installment-store-");
    await makePng(path.join(root, "alpha.png"), 500, 400, true);
    const r = await processMedia([ref(root, "alpha.png", "still")], { storeDir: store, progressBar: false });
    const img = r.manifest["alpha.png"] as Image;
    expect(img.fallback).toMatch(/\.png$/);
    const meta = await sharp(readFileSync(mediaFilePath(store, img.fallback) as string)).metadata();
    expect(meta.hasAlpha).toBe(true);
    expect(meta.width).toBe(500);
  });
});
