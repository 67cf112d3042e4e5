import { cpSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { projectDir } from "./server";
import { makeGif, makePng } from "./fixture-media";

/** A copy of the reader fixture story with its media generated. */
export async function readerStory(): Promise<string> {
  const root = mkdtempSync(path.join(tmpdir(), "installment-reader-"));
  cpSync(path.join(projectDir, "tests/fixtures/reader-story"), root, { recursive: true });
  const media = path.join(root, "01-orbit/media");
  makeGif(path.join(media, "g0.gif"), { width: 320, height: 180, hue: 0 });
  makeGif(path.join(media, "g1.gif"), { width: 320, height: 180, hue: 200 });
  for (let i = 0; i < 4; i++) makeGif(path.join(media, `s${i}.gif`), { width: 240, height: 240, hue: i * 80 });
  await makePng(path.join(media, "cover.png"), "#334455", 1200, 630);
  await makePng(path.join(media, "still.png"), "#553322", 1600, 900);
  await makePng(path.join(media, "poster.png"), "#222222", 1280, 720);
  return root;
}
