// The plain-data shape of an EPUB before it is zipped: lib/epub turns it into
// bytes; who fills it (the edge, from a release state) decides what is in it.

export interface EpubImage {
  /** Path inside the book's OEBPS folder, e.g. "images/3f2a….jpg". */
  href: string;
  mediaType: "image/jpeg" | "image/png" | "image/gif";
  data: Uint8Array;
}

export interface EpubChapter {
  /** File name inside OEBPS, e.g. "chapter-01.xhtml". */
  href: string;
  title: string;
  /** The chapter's XHTML body content (well-formed XML, no <body> tag). */
  body: string;
}

export interface EpubBook {
  /** A stable identifier (a URN or URL); the same story keeps the same id. */
  identifier: string;
  title: string;
  description: string;
  language: string;
  /** Newest release in the book: the package's dcterms:modified (no wall clock, so builds are reproducible). */
  modified: number;
  chapters: EpubChapter[];
  images: EpubImage[];
  css: string;
  /** Optional cover image, one of `images`. */
  coverHref?: string | undefined;
}
