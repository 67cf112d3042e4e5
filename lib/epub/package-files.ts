import type { EpubBook } from "./types";
import { escapeXml as x } from "./xml";

// The EPUB 3 package documents: the container that points at the package, the
// package (metadata, manifest, spine) and the navigation document.

export const CONTAINER_XML = `<?xml version="1.0" encoding="UTF-8"?>
<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
  <rootfiles>
    <rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/>
  </rootfiles>
</container>
`;

/** An ISO instant without milliseconds, as dcterms:modified requires. */
function modifiedStamp(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, "Z");
}

export function packageDocument(book: EpubBook): string {
  const manifest = [
    `<item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>`,
    `<item id="css" href="style.css" media-type="text/css"/>`,
    ...book.chapters.map((c, i) => `<item id="c${i + 1}" href="${x(c.href)}" media-type="application/xhtml+xml"/>`),
    ...book.images.map(
      (img, i) =>
        `<item id="i${i + 1}" href="${x(img.href)}" media-type="${img.mediaType}"${img.href === book.coverHref ? ` properties="cover-image"` : ""}/>`,
    ),
  ];
  const spine = book.chapters.map((_, i) => `<itemref idref="c${i + 1}"/>`);
  return `<?xml version="1.0" encoding="UTF-8"?>
<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="book-id" xml:lang="${x(book.language)}">
  <metadata xmlns:dc="http://purl.org/dc/elements/1.1/">
    <dc:identifier id="book-id">${x(book.identifier)}</dc:identifier>
    <dc:title>${x(book.title)}</dc:title>
    <dc:language>${x(book.language)}</dc:language>
    <dc:description>${x(book.description)}</dc:description>
    <meta property="dcterms:modified">${modifiedStamp(book.modified)}</meta>
  </metadata>
  <manifest>
    ${manifest.join("\n    ")}
  </manifest>
  <spine>
    ${spine.join("\n    ")}
  </spine>
</package>
`;
}

export function navDocument(book: EpubBook): string {
  const items = book.chapters.map((c) => `<li><a href="${x(c.href)}">${x(c.title)}</a></li>`);
  return xhtmlDocument(
    book.language,
    book.title,
    `<nav epub:type="toc" id="toc"><h1>${x(book.title)}</h1><ol>${items.join("")}</ol></nav>`,
  );
}

/** A complete XHTML content document around body markup. */
export function xhtmlDocument(language: string, title: string, body: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE html>
<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops" xml:lang="${x(language)}" lang="${x(language)}">
<head><meta charset="utf-8"/><title>${x(title)}</title><link rel="stylesheet" type="text/css" href="style.css"/></head>
<body>${body}</body>
</html>
`;
}
