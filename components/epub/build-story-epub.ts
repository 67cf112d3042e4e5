import { readFile } from "node:fs/promises";
import path from "node:path";
import sharp from "sharp";
import { LRUCache } from "lru-cache";
import type { MediaManifest } from "../../lib/media/types";
import type { SiteView } from "../../lib/site/visibility";
import type { EpubBook, EpubImage } from "../../lib/epub/types";
import { zipEpub } from "../../lib/epub/zip-epub";
import { epubChapterFile } from "../../lib/site/epub-path";
import { BookImages, type BookImageRequest } from "./epub-media";
import { renderChapterXhtml } from "./render-chapter-xhtml";
import { EPUB_CSS } from "./epub-components";

/**
 * The story as an EPUB of the chapters a reader can open in `view`: the view
 * decides the embargo, so a reader view holds released chapters only.
 */
export async function buildStoryEpub(view: SiteView, media: MediaManifest, mediaDir: string): Promise<Uint8Array> {
  const released = view.chapters.filter((c) => c.state === "released");
  const siteUrl = view.story.siteUrl.replace(/\/+$/, "");
  const inBook = new Map(released.map((c) => [c.slug, epubChapterFile(c.number)]));
  const images = new BookImages(media);
  const link = (href: string) => {
    const m = /^\/([a-z0-9-]+)\/?(#.*)?$/.exec(href);
    const file = m ? inBook.get(m[1]!) : undefined;
    if (file) return file + (m?.[2] ?? "");
    return href.startsWith("/") ? siteUrl + href : href;
  };
  const chapters = released.map((c) => ({
    href: epubChapterFile(c.number),
    title: c.title,
    body: renderChapterXhtml(
      { hash: c.chapter.hash, code: c.chapter.code, title: c.title, number: c.number },
      { story: view.story, images, webUrl: `${siteUrl}/${c.slug}`, link },
    ),
  }));
  const book: EpubBook = {
    identifier: `${siteUrl}/`,
    title: view.story.title,
    description: view.story.description,
    language: view.story.language,
    modified: Math.max(0, ...released.map((c) => c.releasedAt ?? 0)),
    chapters,
    images: await Promise.all([...images.requests.values()].map((r) => loadImage(r, mediaDir))),
    css: EPUB_CSS,
  };
  return zipEpub(book);
}

// Media files are content-addressed, so a converted poster is good for every
// later book: each release rebuilds the book without converting again.
const converted = new LRUCache<string, Buffer>({ maxSize: 64 * 1024 * 1024, sizeCalculation: (b) => b.length || 1 });

async function loadImage(request: BookImageRequest, mediaDir: string): Promise<EpubImage> {
  const mediaType = request.toJpeg || !request.href.endsWith(".png") ? "image/jpeg" : "image/png";
  const key = `${mediaDir}|${request.file}|${request.toJpeg}`;
  let data = converted.get(key);
  if (!data) {
    const bytes = await readFile(path.join(mediaDir, request.file));
    data = request.toJpeg ? await sharp(bytes).flatten({ background: "#000000" }).jpeg({ quality: 80, mozjpeg: true }).toBuffer() : bytes;
    converted.set(key, data);
  }
  return { href: request.href, mediaType, data };
}
