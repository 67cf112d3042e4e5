import { mkdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import sharp from "sharp";
import { beforeAll, describe, expect, it } from "vitest";
import { probeVideo } from "../../lib/media/ffmpeg";
import { ffmpegEncoders } from "../../lib/media/ffmpeg-facts";
import { processMedia } from "../../lib/media/process";
import { mediaFilePath } from "../../lib/media/serve-path";
import { assetFiles } from "../../lib/media/asset-files";
import type { MediaAsset } from "../../lib/media/types";
import { makeGif, ref, tempDir, topLevelBoxes } from "./fixtures";

type Video = Extract<MediaAsset, { kind: "video" }>;

/** The store file of the asset's source in `codec`. */
const fileOf = (v: Video, codec: string) => v.sources.find((s) => s.codec === codec)?.file ?? "";

describe("GIF → MP4 + WebM + poster", () => {
  let root: string;
  let store: string;
  let even: Video;
  let odd: Video;

  beforeAll(async () => {
    root = tempDir();
    store = tempDir("installment-store-");
    mkdirSync(path.join(root, "01-start/media"), { recursive: true });
    makeGif(path.join(root, "01-start/media/even.gif"), 64, 48);
    makeGif(path.join(root, "01-start/media/odd.gif"), 63, 47, "rgbtestsrc");
    const { manifest, warnings, summary } = await processMedia(
      [ref(root, "01-start/media/even.gif"), ref(root, "01-start/media/odd.gif"), ref(root, "01-start/media/even.gif")],
      { storeDir: store, progressBar: false },
    );
    expect(warnings).toEqual([]);
    expect(summary.files).toBe(2);
    even = manifest["01-start/media/even.gif"] as Video;
    odd = manifest["01-start/media/odd.gif"] as Video;
  });

  const file = (name: string) => mediaFilePath(store, name) as string;

  it("the ffmpeg build has H.264 and VP9 encoders", async () => {
    const enc = await ffmpegEncoders();
    expect(enc.has("libx264")).toBe(true);
    expect(enc.has("libvpx-vp9")).toBe(true);
  });

  it("describes the GIF as a video asset with its intrinsic size", () => {
    expect(even.kind).toBe("video");
    expect(even.source).toBe("01-start/media/even.gif");
    expect([even.width, even.height]).toEqual([64, 48]);
    expect(even.sourceBytes).toBe(statSync(path.join(root, "01-start/media/even.gif")).size);
    expect(even.servedBytes).toBe(statSync(file(even.sources[0]!.file)).size + statSync(file(even.poster)).size);
    for (const name of assetFiles(even)) expect(name).toMatch(/^[0-9a-f]{16}\.(mp4|webm|webp)$/);
  });

  it("lists the lighter video first, with each source's bytes and type", () => {
    for (const v of [even, odd]) {
      expect(v.sources.map((s) => s.codec).sort()).toEqual(["h264", "vp9"]);
      for (const s of v.sources) {
        expect(s.bytes).toBe(statSync(file(s.file)).size);
        expect(s.type).toBe(s.codec === "h264" ? "video/mp4" : "video/webm");
      }
      expect(v.sources[0]!.bytes).toBeLessThanOrEqual(v.sources[1]!.bytes);
    }
  });

  it("MP4 is H.264 yuv420p with the moov atom before mdat (faststart)", async () => {
    const info = await probeVideo(file(fileOf(even, "h264")));
    expect(info?.codec).toBe("h264");
    expect(info?.pixFmt).toBe("yuv420p");
    expect([info?.width, info?.height]).toEqual([64, 48]);
    const boxes = topLevelBoxes(readFileSync(file(fileOf(even, "h264"))));
    expect(boxes).toContain("moov");
    expect(boxes).toContain("mdat");
    expect(boxes.indexOf("moov")).toBeLessThan(boxes.indexOf("mdat"));
  });

  it("WebM is VP9 yuv420p", async () => {
    const info = await probeVideo(file(fileOf(even, "vp9")));
    expect(info?.codec).toBe("vp9");
    expect(info?.pixFmt).toBe("yuv420p");
    expect(info?.container).toContain("webm");
    expect(readFileSync(file(fileOf(even, "vp9"))).subarray(0, 4)).toEqual(Buffer.from([0x1a, 0x45, 0xdf, 0xa3]));
  });

  it("poster is a WebP of the first frame at the GIF's size", async () => {
    const meta = await sharp(readFileSync(file(even.poster))).metadata();
    expect(meta.format).toBe("webp");
    expect([meta.width, meta.height]).toEqual([64, 48]);
  });

  it("odd-dimension GIF: even-sized video, poster and asset keep the GIF's size", async () => {
    expect([odd.width, odd.height]).toEqual([63, 47]);
    const mp4 = await probeVideo(file(fileOf(odd, "h264")));
    expect(mp4?.codec).toBe("h264");
    expect([mp4?.width, mp4?.height]).toEqual([62, 46]);
    const webm = await probeVideo(file(fileOf(odd, "vp9")));
    expect(webm?.codec).toBe("vp9");
    const meta = await sharp(readFileSync(file(odd.poster))).metadata();
    expect([meta.width, meta.height]).toEqual([63, 47]);
  });

  it("different GIFs get different content-addressed names", () => {
    expect(new Set([...assetFiles(even), ...assetFiles(odd)]).size).toBe(6);
  });
});
