import { cpSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { projectDir } from "./server";
import { makeGif, makePng } from "./fixture-media";

/**
 * A temp copy of tests/fixtures/embargo-story with its media generated:
 * chapters 1-2 released (before 2027), 3 upcoming (2027-07-07), 4 a draft.
 */
export async function embargoStory(): Promise<string> {
  const root = mkdtempSync(path.join(tmpdir(), "installment-embargo-"));
  cpSync(path.join(projectDir, "tests/fixtures/embargo-story"), root, { recursive: true });
  makeGif(path.join(root, "01-dawn/media/dawn.gif"), { hue: 0 });
  makeGif(path.join(root, "03-zenith-secret/media/zenith.gif"), { hue: 120 });
  await makePng(path.join(root, "03-zenith-secret/media/zenith-cover.png"), "#663311");
  return root;
}

/** Marker words in the fixture, by whether a reader may see them at 2027-01-01. */
export function markersIn(text: string, markers: string[]): string[] {
  const lower = text.toLowerCase();
  return markers.filter((m) => lower.includes(m.toLowerCase()));
}
