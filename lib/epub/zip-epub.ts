import { zipSync, strToU8, type Zippable } from "fflate";
import type { EpubBook } from "./types";
import { CONTAINER_XML, navDocument, packageDocument, xhtmlDocument } from "./package-files";

// A fixed timestamp on every entry: the same book is the same bytes, so an
// export is reproducible and the edge's ETag only changes with the content.
const ENTRY_TIME = new Date(Date.UTC(2000, 0, 1));

/** The .epub bytes: `mimetype` first and stored (as the OCF spec requires), then the rest deflated. */
export function zipEpub(book: EpubBook): Uint8Array {
  const files: Zippable = {
    mimetype: [strToU8("application/epub+zip"), { level: 0, mtime: ENTRY_TIME }],
    "META-INF/container.xml": [strToU8(CONTAINER_XML), { mtime: ENTRY_TIME }],
    "OEBPS/content.opf": [strToU8(packageDocument(book)), { mtime: ENTRY_TIME }],
    "OEBPS/nav.xhtml": [strToU8(navDocument(book)), { mtime: ENTRY_TIME }],
    "OEBPS/style.css": [strToU8(book.css), { mtime: ENTRY_TIME }],
  };
  for (const c of book.chapters) files[`OEBPS/${c.href}`] = [strToU8(xhtmlDocument(book.language, c.title, c.body)), { mtime: ENTRY_TIME }];
  // Images are already compressed: storing them saves time and costs nothing.
  for (const img of book.images) files[`OEBPS/${img.href}`] = [img.data, { level: 0, mtime: ENTRY_TIME }];
  return zipSync(files, { level: 6 });
}
