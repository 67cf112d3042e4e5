import { mkdtempSync, mkdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import sharp from "sharp";

export const STORY_YAML = `title: Test Story
description: A story for tests.
language: en
siteUrl: http://localhost:3000
cast:
  nine:
    name: Nine
    color: "#ff6767"
    lane: 1
  ten:
    name: Ten
    color: "#92ff92"
    lane: 0
  juice:
    name: Juice
    color: "#ffea02"
    lane: 2
arcs:
  - title: One
    chapters: "1-2"
`;

/** A throwaway content root: files maps relative paths to text (or Buffer). */
export function tempStory(files: Record<string, string | Buffer>, withStory = true): string {
  const root = mkdtempSync(path.join(tmpdir(), "installment-story-"));
  if (withStory) writeFileSync(path.join(root, "story.yaml"), STORY_YAML);
  for (const [rel, content] of Object.entries(files)) {
    const abs = path.join(root, rel);
    mkdirSync(path.dirname(abs), { recursive: true });
    writeFileSync(abs, content);
  }
  return root;
}

export async function tinyPng(width = 8, height = 6): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: "#336699" } })
    .png()
    .toBuffer();
}

/** A small valid GIF; content tests only need the file to exist and be an image. */
export async function tinyGif(width = 8, height = 6): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: "#aa3300" } })
    .gif()
    .toBuffer();
}
