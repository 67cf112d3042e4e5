import path from "node:path";
import { describe, expect, it } from "vitest";
import { processMedia } from "../../lib/media/process";
import type { MediaAsset } from "../../lib/media/types";
import { BUDGET_RATIO } from "../../lib/media/video-budget";
import { makeStaticGif, ref, tempDir } from "./fixtures";

type Video = Extract<MediaAsset, { kind: "video" }>;

describe("a GIF whose quality encode is over budget", () => {
  it("gets a bitrate ceiling for each codec and lands within 20% of the GIF, without a warning", async () => {
    const root = tempDir();
    makeStaticGif(path.join(root, "static.gif"));
    // H.264 and VP9 only: tests/media/av1.test.ts caps the AV1 of the same GIF.
    const r = await processMedia([ref(root, "static.gif")], { storeDir: tempDir("installment-store-"), progressBar: false, av1Ffmpeg: [] });
    const v = r.manifest["static.gif"] as Video;
    expect(v.kind).toBe("video");
    expect(v.sourceBytes).toBeGreaterThan(200_000);
    expect(v.servedBytes).toBeLessThanOrEqual(v.sourceBytes * BUDGET_RATIO);
    for (const s of v.sources) {
      expect(s.ceiling, s.codec).toBeGreaterThan(0);
      expect(s.bytes, s.codec).toBeLessThanOrEqual(v.sourceBytes * BUDGET_RATIO);
    }
    expect(r.warnings).toEqual([]);
  });
});
