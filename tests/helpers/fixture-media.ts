import { execFileSync } from "node:child_process";
import { mkdirSync } from "node:fs";
import path from "node:path";
import sharp from "sharp";
import { ffmpegPath } from "../../lib/media/ffmpeg";

/** A small animated GIF (a moving test pattern), made with the bundled ffmpeg. */
export function makeGif(file: string, opts: { width?: number; height?: number; frames?: number; hue?: number } = {}): void {
  const ffmpeg = ffmpegPath();
  if (!ffmpeg) throw new Error("ffmpeg is missing");
  mkdirSync(path.dirname(file), { recursive: true });
  const { width = 160, height = 90, frames = 12, hue = 0 } = opts;
  execFileSync(ffmpeg, [
    "-hide_banner",
    "-loglevel",
    "error",
    "-y",
    "-f",
    "lavfi",
    "-i",
    `testsrc2=size=${width}x${height}:rate=10`,
    "-vf",
    `hue=h=${hue}`,
    "-frames:v",
    String(frames),
    file,
  ]);
}

export async function makePng(file: string, color = "#224466", width = 320, height = 180): Promise<void> {
  mkdirSync(path.dirname(file), { recursive: true });
  await sharp({ create: { width, height, channels: 3, background: color } })
    .png()
    .toFile(file);
}
