// Small fixtures made on the fly with ffmpeg's lavfi sources and sharp.
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { randomBytes } from "node:crypto";
import os from "node:os";
import path from "node:path";
import sharp from "sharp";
import { ffmpegPath } from "../../lib/media/ffmpeg";
import type { MediaRef } from "../../lib/content/types";

export function tempDir(prefix = "installment-media-"): string {
  return mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** A `w`×`h` animated GIF, 10 frames; `source` picks the lavfi pattern so content can differ. */
export function makeGif(file: string, w = 64, h = 48, source = "testsrc"): string {
  const bin = ffmpegPath();
  if (!bin) throw new Error("ffmpeg missing");
  execFileSync(bin, [
    "-hide_banner",
    "-loglevel",
    "error",
    "-y",
    // "name" gets size/rate/duration; "name=opts" (e.g. life) gets size/rate only.
    "-f",
    "lavfi",
    "-i",
    source.includes("=") ? `${source}:size=${w}x${h}:rate=10` : `${source}=size=${w}x${h}:rate=10:duration=1`,
    "-frames:v",
    "10",
    "-f",
    "gif",
    file,
  ]);
  return file;
}

/** TV static: 3 s of grey noise in 16 shades, which the quality setting keeps at about half the GIF's bytes. */
export function makeStaticGif(file: string): string {
  const graph =
    "color=c=gray:s=160x120:r=10:d=3,format=gray,noise=alls=100:allf=t+u:all_seed=3,split[a][b];[a]palettegen=max_colors=16[p];[b][p]paletteuse=dither=none";
  execFileSync(ffmpegPath() as string, ["-hide_banner", "-loglevel", "error", "-y", "-filter_complex", graph, "-f", "gif", file]);
  return file;
}

/** Random bytes behind a valid GIF signature and a 64×48 logical screen. */
export function makeCorruptGif(file: string): string {
  const header = Buffer.from("GIF89a");
  const size = Buffer.alloc(4);
  size.writeUInt16LE(64, 0);
  size.writeUInt16LE(48, 2);
  writeFileSync(file, Buffer.concat([header, size, randomBytes(2000)]));
  return file;
}

export async function makePng(file: string, width: number, height: number, alpha = false): Promise<string> {
  await sharp({
    create: {
      width,
      height,
      channels: alpha ? 4 : 3,
      background: alpha ? { r: 200, g: 40, b: 90, alpha: 0.5 } : { r: 30, g: 120, b: 200 },
    },
  })
    .png()
    .toFile(file);
  return file;
}

export function ref(root: string, rel: string, kind: MediaRef["kind"] = "gif"): MediaRef {
  return { kind, path: rel, abs: path.join(root, rel) };
}

/** Top-level ISO-BMFF box types in file order. */
export function topLevelBoxes(buf: Buffer): string[] {
  const types: string[] = [];
  let off = 0;
  while (off + 8 <= buf.length) {
    let size = buf.readUInt32BE(off);
    const type = buf.toString("latin1", off + 4, off + 8);
    if (size === 1) size = Number(buf.readBigUInt64BE(off + 8));
    else if (size === 0) size = buf.length - off;
    types.push(type);
    if (size < 8) break;
    off += size;
  }
  return types;
}
