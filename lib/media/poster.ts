// First frame of a GIF as a WebP poster, plus the GIF's intrinsic size.
import sharp from "sharp";

const POSTER_WEBP_QUALITY = 80;

export interface Poster {
  data: Buffer;
  width: number;
  height: number;
}

/** Throws when sharp cannot decode the GIF. */
export async function makePoster(gif: Uint8Array): Promise<Poster> {
  const image = sharp(gif, { pages: 1 });
  const meta = await image.metadata();
  const data = await image.webp({ quality: POSTER_WEBP_QUALITY }).toBuffer();
  // `pageHeight` is set for multi-page inputs; with pages:1 height is one frame.
  const width = meta.width ?? 0;
  const height = meta.pageHeight ?? meta.height ?? 0;
  return { data, width, height };
}

/** Logical screen size from a GIF header (bytes 6–9), for GIFs too broken to decode. */
export function gifHeaderSize(bytes: Uint8Array): { width: number; height: number } {
  const sig = Buffer.from(bytes.subarray(0, 6)).toString("latin1");
  if (bytes.length < 10 || (sig !== "GIF87a" && sig !== "GIF89a")) return { width: 0, height: 0 };
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return { width: b.readUInt16LE(6), height: b.readUInt16LE(8) };
}
