import { execFileSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ffmpegPath } from "../../lib/media/ffmpeg";
import { processMedia } from "../../lib/media/process";
import type { MediaAsset } from "../../lib/media/types";
import { BUDGET_RATIO } from "../../lib/media/video-budget";
import { ref, tempDir } from "./fixtures";

type Video = Extract<MediaAsset, { kind: "video" }>;

/** TV static: 3 s of grey noise in 16 shades, which the quality setting keeps at about half the GIF's bytes. */
function makeStaticGif(file: string): string {
  const graph =
    "color=c=gray:s=160x120:r=10:d=3,format=gray,noise=alls=100:allf=t+u:all_seed=3,split[a][b];[a]palettegen=max_colors=16[p];[b][p]paletteuse=dither=none";
  execFileSync(ffmpegPath() as string, ["-hide_banner", "-loglevel", "error", "-y", "-filter_complex", graph, "-f", "gif", file]);
  return file;
}

describe("a GIF whose quality encode is over budget", () => {
  it("gets a bitrate ceiling for each codec and lands within 20% of the GIF, without a warning", async () => {
    const root = tempDir();
    makeStaticGif(path.join(root, "static.gif"));
    const r = await processMedia([ref(root, "static.gif")], { storeDir: tempDir("installment-store-"), progressBar: false });
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
