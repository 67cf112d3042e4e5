import type { MediaManifest } from "../../lib/media/types";

/** One picture the book needs: which generated file to read and whether it must become a JPEG. */
export interface BookImageRequest {
  href: string;
  file: string;
  /** Posters are WebP, which EPUB 3.2 readers need not support: converted to JPEG. */
  toJpeg: boolean;
  width: number;
  height: number;
}

export interface BookPicture {
  href: string;
  width: number;
  height: number;
  /** The source was a GIF: the book shows its still poster and links to the moving version. */
  moving: boolean;
}

/**
 * Collects the pictures a chapter's render asks for. Rendering is synchronous,
 * so it only records names here; the bytes are read (and converted) afterwards.
 */
export class BookImages {
  readonly requests = new Map<string, BookImageRequest>();
  constructor(private readonly media: MediaManifest) {}

  picture(src: string): BookPicture | null {
    const asset = this.media[src];
    if (!asset) return null;
    if (asset.kind === "image") {
      const ext = asset.fallback.split(".").pop() ?? "jpg";
      return this.add(asset.fallback, !["jpg", "jpeg", "png"].includes(ext), asset.width, asset.height, false);
    }
    if (!asset.poster) return null;
    return this.add(asset.poster, true, asset.width, asset.height, true);
  }

  private add(file: string, toJpeg: boolean, width: number, height: number, moving: boolean): BookPicture {
    const base = file.replace(/\.[a-z0-9]+$/, "");
    const href = `images/${toJpeg ? `${base}.jpg` : file.replace(/\.jpeg$/, ".jpg")}`;
    this.requests.set(href, { href, file, toJpeg, width, height });
    return { href, width, height, moving };
  }
}
