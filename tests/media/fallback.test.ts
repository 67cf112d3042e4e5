import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { processMedia } from "../../lib/media/process";
import { mediaFilePath } from "../../lib/media/serve-path";
import { formatBytes } from "../../lib/media/summary";
import type { MediaAsset } from "../../lib/media/types";
import { makeCorruptGif, makeGif, ref, tempDir } from "./fixtures";

type Gif = Extract<MediaAsset, { kind: "gif" }>;

describe("fallback to the original GIF", () => {
  it("a corrupt GIF is served as a content-addressed copy, with a warning naming it; others still transcode", async () => {
    const root = tempDir();
    const store = tempDir("installment-store-");
    makeCorruptGif(path.join(root, "broken.gif"));
    makeGif(path.join(root, "fine.gif"));
    const run = () => processMedia([ref(root, "broken.gif"), ref(root, "fine.gif")], { storeDir: store, progressBar: false });
    const r = await run();
    const asset = r.manifest["broken.gif"] as Gif;
    expect(asset.kind).toBe("gif");
    expect(asset.file).toMatch(/^[0-9a-f]{16}\.gif$/);
    expect(readFileSync(mediaFilePath(store, asset.file) as string)).toEqual(readFileSync(path.join(root, "broken.gif")));
    expect([asset.width, asset.height]).toEqual([64, 48]); // from the GIF header
    expect(asset.servedBytes).toBeGreaterThanOrEqual(asset.sourceBytes);
    expect(r.manifest["fine.gif"]?.kind).toBe("video");
    expect(r.warnings).toHaveLength(1);
    expect(r.warnings[0]).toMatchObject({ file: path.join(root, "broken.gif"), line: 1, column: 1, severity: "warning" });
    expect(r.warnings[0]?.message).toMatch(/could not transcode broken\.gif .*serving the original GIF/);
    expect(r.summary.fallbacks).toBe(1);

    // The failure is cached (a decode error will not go away) and still warned about.
    const again = await run();
    expect(again.summary).toMatchObject({ transcoded: 0, cached: 2, fallbacks: 1 });
    expect(again.warnings).toHaveLength(1);
  });

  it("a missing ffmpeg binary falls back for every GIF, with a poster, and is retried next time", async () => {
    const root = tempDir();
    const store = tempDir("installment-store-");
    makeGif(path.join(root, "a.gif"));
    const r = await processMedia([ref(root, "a.gif")], { storeDir: store, progressBar: false, ffmpeg: path.join(root, "no-such-ffmpeg") });
    const asset = r.manifest["a.gif"] as Gif;
    expect(asset.kind).toBe("gif");
    expect(asset.poster).toMatch(/^[0-9a-f]{16}\.webp$/);
    expect([asset.width, asset.height]).toEqual([64, 48]);
    expect(r.warnings[0]?.message).toMatch(/ffmpeg is not installed/);
    const r2 = await processMedia([ref(root, "a.gif")], { storeDir: store, progressBar: false });
    expect(r2.manifest["a.gif"]?.kind).toBe("video");
    expect(r2.summary.transcoded).toBe(1);
  });

  it("a missing source file is an error diagnostic, not a throw", async () => {
    const root = tempDir();
    const r = await processMedia([ref(root, "gone.gif")], { storeDir: tempDir(), progressBar: false });
    expect(r.manifest).toEqual({});
    expect(r.warnings[0]).toMatchObject({ severity: "error", file: path.join(root, "gone.gif") });
    expect(r.warnings[0]?.message).toMatch(/not found/);
  });
});

describe("a video over its budget", () => {
  it("heavier than the GIF itself: kept (it can pause and honour reduced motion) but warned about with the figure, on every run", async () => {
    const root = tempDir();
    const store = tempDir("installment-store-");
    // Game of Life from random noise: two colours, pixel-level change every frame.
    makeGif(path.join(root, "noise.gif"), 64, 48, "life=ratio=0.5:seed=1:mold=0");
    const run = () => processMedia([ref(root, "noise.gif")], { storeDir: store, progressBar: false });
    for (const r of [await run(), await run()]) {
      const asset = r.manifest["noise.gif"]!;
      expect(asset.kind).toBe("video");
      expect(asset.servedBytes).toBeGreaterThan(asset.sourceBytes);
      expect(r.summary.fallbacks).toBe(0);
      expect(r.warnings).toHaveLength(1);
      expect(r.warnings[0]).toMatchObject({ severity: "warning", file: path.join(root, "noise.gif") });
      const figure = `${((asset.servedBytes / asset.sourceBytes) * 100).toFixed(1)}%`;
      expect(r.warnings[0]?.message).toContain(
        `video is ${figure} of the GIF (${formatBytes(asset.sourceBytes)} → ${formatBytes(asset.servedBytes)}): `,
      );
    }
  });
});
