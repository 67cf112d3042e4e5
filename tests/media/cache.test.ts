import { existsSync, mkdirSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ffmpegRuns } from "../../lib/media/ffmpeg";
import { processMedia } from "../../lib/media/process";
import { mediaFilePath } from "../../lib/media/serve-path";
import { assetFiles } from "../../lib/media/asset-files";
import type { MediaAsset } from "../../lib/media/types";
import { makeGif, ref, tempDir } from "./fixtures";

type Video = Extract<MediaAsset, { kind: "video" }>;

const fileOf = (v: Video, codec: string) => v.sources.find((s) => s.codec === codec)?.file ?? "";

describe("cache by content hash", () => {
  it("an unchanged GIF is not transcoded again; a changed one gets new names", async () => {
    const root = tempDir();
    const store = tempDir("installment-store-");
    mkdirSync(path.join(root, "01-a"), { recursive: true });
    const gif = makeGif(path.join(root, "01-a/loop.gif"));
    const refs = [ref(root, "01-a/loop.gif")];

    const first = await processMedia(refs, { storeDir: store, progressBar: false });
    expect(first.summary).toMatchObject({ files: 1, transcoded: 1, cached: 0 });
    const a = first.manifest["01-a/loop.gif"] as Video;
    expect(a.kind).toBe("video");
    const files = assetFiles(a).map((f) => mediaFilePath(store, f) as string);
    const mtimes = files.map((f) => statSync(f).mtimeMs);

    // A second run (the index is on disk, nothing is kept in memory) spawns no ffmpeg.
    const runsBefore = ffmpegRuns();
    const second = await processMedia(refs, { storeDir: store, progressBar: false });
    expect(ffmpegRuns()).toBe(runsBefore);
    expect(second.summary).toMatchObject({ files: 1, transcoded: 0, cached: 1 });
    expect(second.manifest).toEqual(first.manifest);
    expect(files.map((f) => statSync(f).mtimeMs)).toEqual(mtimes);

    // Same bytes under another path: cached too, same files.
    mkdirSync(path.join(root, "02-b"));
    makeGif(path.join(root, "02-b/copy.gif"));
    const third = await processMedia([ref(root, "02-b/copy.gif")], { storeDir: store, progressBar: false });
    expect(third.summary.cached).toBe(1);
    expect(fileOf(third.manifest["02-b/copy.gif"] as Video, "h264")).toBe(fileOf(a, "h264"));

    // Changed content at the same path: transcoded again, new names, old files untouched.
    makeGif(gif, 64, 48, "rgbtestsrc");
    const fourth = await processMedia(refs, { storeDir: store, progressBar: false });
    expect(fourth.summary).toMatchObject({ transcoded: 1, cached: 0 });
    const b = fourth.manifest["01-a/loop.gif"] as Video;
    expect(fileOf(b, "h264")).not.toBe(fileOf(a, "h264"));
    expect(fileOf(b, "vp9")).not.toBe(fileOf(a, "vp9"));
    expect(b.poster).not.toBe(a.poster);
    for (const f of files) expect(existsSync(f)).toBe(true);

    // No temp files left behind, nothing written next to the content.
    expect(readdirSync(path.join(store, "tmp"))).toEqual([]);
    expect(readdirSync(path.join(root, "01-a"))).toEqual(["loop.gif"]);
  });

  it("a cache entry whose files were deleted is rebuilt", async () => {
    const root = tempDir();
    const store = tempDir("installment-store-");
    makeGif(path.join(root, "x.gif"));
    const first = await processMedia([ref(root, "x.gif")], { storeDir: store, progressBar: false });
    const a = first.manifest["x.gif"] as Video;
    const { rmSync } = await import("node:fs");
    rmSync(mediaFilePath(store, fileOf(a, "vp9")) as string);
    const second = await processMedia([ref(root, "x.gif")], { storeDir: store, progressBar: false });
    expect(second.summary.transcoded).toBe(1);
    expect(existsSync(mediaFilePath(store, fileOf(a, "vp9")) as string)).toBe(true);
  });

  it("uses INSTALLMENT_CACHE_DIR/media when no storeDir is given", async () => {
    const root = tempDir();
    const cache = tempDir("installment-cache-");
    makeGif(path.join(root, "y.gif"), 32, 24);
    const prev = process.env.INSTALLMENT_CACHE_DIR;
    process.env.INSTALLMENT_CACHE_DIR = cache;
    try {
      const r = await processMedia([ref(root, "y.gif")], { progressBar: false });
      expect(r.storeDir).toBe(path.join(cache, "media"));
      const v = r.manifest["y.gif"] as Video;
      expect(existsSync(path.join(cache, "media/files", fileOf(v, "h264")))).toBe(true);
    } finally {
      if (prev === undefined) delete process.env.INSTALLMENT_CACHE_DIR;
      else process.env.INSTALLMENT_CACHE_DIR = prev;
    }
  });

  it("reports progress once per unique file (duplicates deduplicated)", async () => {
    const root = tempDir();
    const store = tempDir("installment-store-");
    const srcs = ["testsrc", "rgbtestsrc", "smptebars", "testsrc2"];
    srcs.forEach((s, i) => makeGif(path.join(root, `${i}.gif`), 64, 48, s));
    const calls: [number, number, string][] = [];
    const r = await processMedia([...srcs.map((_, i) => ref(root, `${i}.gif`)), ref(root, "0.gif")], {
      storeDir: store,
      concurrency: 2,
      progressBar: false,
      onProgress: (d, t, c) => calls.push([d, t, c]),
    });
    expect(r.summary).toMatchObject({ files: 4, transcoded: 4 });
    expect(calls.map((c) => c[0])).toEqual([1, 2, 3, 4]);
    expect(calls.every((c) => c[1] === 4)).toBe(true);
    expect(new Set(calls.map((c) => c[2]))).toEqual(new Set(["0.gif", "1.gif", "2.gif", "3.gif"]));
  });
});
