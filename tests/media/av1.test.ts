// The AV1 rendition (SVT-AV1 from Debian's ffmpeg): made when an ffmpeg with
// libsvtav1 is there, held under the budget by its CRF search, kept only when
// lighter than H.264 and VP9, and the pipeline unchanged without one. Real
// encodes throughout.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { DEBIAN_FFMPEG } from "../../lib/env";
import { av1CodecsString, av1SourceType, AV1_QUALITY_CRF } from "../../lib/media/encode-args";
import { encodeAv1 } from "../../lib/media/encode-av1";
import { ffmpegPath, ffmpegRuns, probeVideo } from "../../lib/media/ffmpeg";
import { ffmpegEncoders, forgetFfmpegFacts } from "../../lib/media/ffmpeg-facts";
import { processMedia } from "../../lib/media/process";
import { mediaFilePath } from "../../lib/media/serve-path";
import { openStore } from "../../lib/media/store";
import type { MediaAsset } from "../../lib/media/types";
import { AV1_MAX_ENCODES, budgetVideoBytes } from "../../lib/media/video-budget";
import { makeGif, makeStaticGif, ref, tempDir } from "./fixtures";

type Video = Extract<MediaAsset, { kind: "video" }>;

describe("this machine", () => {
  it("has Debian's ffmpeg with SVT-AV1 (scripts/ensure-system-deps.mjs installs it), and the bundled one has not", async () => {
    expect((await ffmpegEncoders(DEBIAN_FFMPEG)).has("libsvtav1")).toBe(true);
    expect((await ffmpegEncoders()).has("libsvtav1")).toBe(false);
  });
});

describe("a noisy GIF whose quality encode is over budget", () => {
  let root: string;
  let store: string;
  let v: Video;
  beforeAll(async () => {
    root = tempDir();
    store = tempDir("installment-store-");
    makeStaticGif(path.join(root, "static.gif"));
    const r = await processMedia([ref(root, "static.gif")], { storeDir: store, progressBar: false, concurrency: 1 });
    expect(r.warnings).toEqual([]);
    expect(r.av1Ffmpeg).toBe(DEBIAN_FFMPEG);
    v = r.manifest["static.gif"] as Video;
  });

  it("gets an AV1 MP4, capped under the budget by a raised CRF, lighter than H.264 and VP9 and listed first", () => {
    expect(v.sources.map((s) => s.codec)).toEqual(["av1", ...v.sources.slice(1).map((s) => s.codec)]);
    expect(v.sources.map((s) => s.codec).sort()).toEqual(["av1", "h264", "vp9"]);
    const [av1, ...others] = v.sources;
    const poster = v.servedBytes - av1!.bytes;
    expect(av1!.bytes).toBeLessThanOrEqual(budgetVideoBytes(v.sourceBytes, poster));
    for (const o of others) expect(av1!.bytes).toBeLessThan(o.bytes);
    // The quality setting alone is far over budget on static: the search raised the CRF, within its bound.
    expect(av1!.crf).toBeGreaterThan(AV1_QUALITY_CRF);
    expect(av1!.encodes).toBeGreaterThan(1);
    expect(av1!.encodes).toBeLessThanOrEqual(AV1_MAX_ENCODES);
    expect(v.av1).toMatchObject({ kept: true, bytes: av1!.bytes, encodes: av1!.encodes });
    expect(v.av1?.reason).toMatch(/^lighter: /);
  });

  it("is AV1 in MP4 with faststart, and its <source type> carries the codecs string read from the file", async () => {
    const file = mediaFilePath(store, v.sources[0]!.file) as string;
    const bytes = readFileSync(file);
    expect(v.sources[0]!.file).toMatch(/^[0-9a-f]{16}\.mp4$/);
    expect(v.sources[0]!.type).toBe(av1SourceType(bytes));
    expect(v.sources[0]!.type).toMatch(/^video\/mp4; codecs="av01\.0\.\d\dM\.08"$/);
    const info = await probeVideo(file, DEBIAN_FFMPEG);
    expect(info?.codec).toBe("av1");
    expect(info?.pixFmt).toBe("yuv420p");
    expect([info?.width, info?.height]).toEqual([160, 120]);
    const moov = bytes.indexOf("moov");
    expect(moov).toBeGreaterThan(0);
    expect(moov).toBeLessThan(bytes.indexOf("mdat"));
  });
});

describe("an AV1 that is not lighter", () => {
  it("is dropped, after a bounded search, with the reason recorded and no file left behind", async () => {
    const root = tempDir();
    const store = openStore(tempDir("installment-store-"));
    const gif = makeStaticGif(path.join(root, "static.gif"));
    const gifBytes = readFileSync(gif).length;
    // As if H.264 had come out at 600 bytes: no AV1 of static gets there (an MP4's boxes alone are about 1 KB).
    const r = await encodeAv1(
      gif,
      { width: 160, height: 120, gifBytes, posterBytes: 1000 },
      { codec: "h264", bytes: 600 },
      { store, threads: 1, timeoutMs: undefined, ffmpeg: undefined, av1Ffmpeg: DEBIAN_FFMPEG },
    );
    expect(r.video).toBeNull();
    expect(r.decision.kept).toBe(false);
    expect(r.decision.reason).toMatch(/^not lighter: .* against H\.264 600 B$/);
    expect(r.decision.bytes).toBeGreaterThanOrEqual(600);
    expect(r.decision.encodes).toBeGreaterThan(1);
    expect(r.decision.encodes).toBeLessThanOrEqual(AV1_MAX_ENCODES);
    expect(readdirSync(store.tmp)).toEqual([]);
  });

  it("is not attempted below SVT-AV1's 64 pixels", async () => {
    const root = tempDir();
    makeGif(path.join(root, "small.gif"), 64, 48);
    const r = await processMedia([ref(root, "small.gif")], { storeDir: tempDir("installment-store-"), progressBar: false });
    const v = r.manifest["small.gif"] as Video;
    expect(v.sources.map((s) => s.codec).sort()).toEqual(["h264", "vp9"]);
    expect(v.av1).toEqual({ kept: false, bytes: null, encodes: 0, reason: "not encoded: SVT-AV1 needs at least 64×64" });
  });
});

describe("without an ffmpeg that has SVT-AV1", () => {
  it("makes H.264 and VP9 as before, records no AV1, and does not reuse a store entry made with AV1", async () => {
    const root = tempDir();
    const store = tempDir("installment-store-");
    makeGif(path.join(root, "clip.gif"), 160, 96, "testsrc2");
    const bundled = ffmpegPath() as string;
    const withAv1 = await processMedia([ref(root, "clip.gif")], { storeDir: store, progressBar: false });
    expect((withAv1.manifest["clip.gif"] as Video).av1).toBeDefined();

    const r = await processMedia([ref(root, "clip.gif")], { storeDir: store, progressBar: false, av1Ffmpeg: [bundled] });
    expect(r.av1Ffmpeg).toBeNull();
    expect(r.summary).toMatchObject({ transcoded: 1, cached: 0 });
    expect(r.warnings).toEqual([]);
    const v = r.manifest["clip.gif"] as Video;
    expect(v.sources.map((s) => [s.codec, s.type])).toEqual(
      expect.arrayContaining([
        ["h264", "video/mp4"],
        ["vp9", "video/webm"],
      ]),
    );
    expect(v.sources).toHaveLength(2);
    expect(v.sources[0]!.bytes).toBeLessThanOrEqual(v.sources[1]!.bytes);
    expect("av1" in v).toBe(false);
  });
});

describe("what each ffmpeg says about itself", () => {
  it("is kept on disk per binary: a warm store in a fresh process spawns no ffmpeg at all", async () => {
    const root = tempDir();
    const store = tempDir("installment-store-");
    makeGif(path.join(root, "clip.gif"), 96, 64);
    forgetFfmpegFacts();
    await processMedia([ref(root, "clip.gif")], { storeDir: store, progressBar: false });
    expect(readdirSync(path.join(store, "ffmpeg")).filter((f) => f.endsWith(".json")).length).toBeGreaterThanOrEqual(2);
    forgetFfmpegFacts();
    const before = ffmpegRuns();
    const again = await processMedia([ref(root, "clip.gif")], { storeDir: store, progressBar: false });
    expect(again.summary).toMatchObject({ cached: 1, transcoded: 0 });
    expect(again.av1Ffmpeg).toBe(DEBIAN_FFMPEG);
    expect(ffmpegRuns()).toBe(before);
  });
});

describe("the codecs string", () => {
  const withAv1C = (b1: number, b2: number) =>
    Buffer.concat([Buffer.from([0, 0, 0, 12]), Buffer.from("av1C"), Buffer.from([0x81, b1, b2, 0])]);
  it("reads profile, level, tier and bit depth from the av1C record", () => {
    expect(av1CodecsString(withAv1C(0x00, 0x0c))).toBe("av01.0.00M.08");
    expect(av1CodecsString(withAv1C(0x08, 0x0c))).toBe("av01.0.08M.08");
    expect(av1CodecsString(withAv1C(0x0d, 0xcc))).toBe("av01.0.13H.10");
    expect(av1SourceType(withAv1C(0x05, 0x0c))).toBe('video/mp4; codecs="av01.0.05M.08"');
  });
  it("is null without a valid record", () => {
    expect(av1CodecsString(Buffer.from("ftypisom....moov"))).toBeNull();
    expect(av1CodecsString(Buffer.concat([Buffer.from("av1C"), Buffer.from([0x01, 0, 0, 0])]))).toBeNull();
    expect(existsSync(DEBIAN_FFMPEG)).toBe(true);
  });
});
