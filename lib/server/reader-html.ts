// Reader pages without Next's client runtime.
//
// The App Router has no switch to render a page without its client runtime
// (the Pages Router had `unstable_runtimeJS: false`), so the edge removes it
// from the rendered HTML of reader pages: the runtime's <script src> tags and
// their preloads, and the inlined flight payload (`self.__next_f.push(...)`),
// which only hydration reads. In their place goes the one deferred islands
// script. This depends on the shape of Next's HTML, so it is pinned to the
// Next version it was written for: tests/server/reader-html.test.ts fails when
// `next` is upgraded, and tests/e2e/reader-runtime.test.ts checks a real
// build's pages (reader pages carry none of it, editor pages still do).

/** The `next` version whose HTML shape this module was checked against. */
export const NEXT_VERSION_PINNED = "16.4.6";

const SCRIPT = /<script\b([^>]*)>([\s\S]*?)<\/script>/gi;
const LINK = /<link\b([^>]*?)\/?>/gi;
const NEXT_ASSET = /\/_next\/static\/[^"']*\.js/;

function attr(attrs: string, name: string): string | undefined {
  return new RegExp(`\\s${name}="([^"]*)"`, "i").exec(attrs)?.[1];
}

/**
 * A script of Next's client runtime: a chunk from /_next/static, the
 * Turbopack bootstrap (`<script id="_R_">` listing the chunks to load), or
 * the flight payload (`self.__next_f`).
 */
function isRuntimeScript(attrs: string, body: string): boolean {
  const src = attr(attrs, "src");
  if (src !== undefined) return NEXT_ASSET.test(src);
  return /\bself\.__next_f\b/.test(body) || body.includes('globalThis["TURBOPACK"]');
}

/** A preload of one of the runtime's chunks. */
function isRuntimePreload(attrs: string): boolean {
  const rel = (attr(attrs, "rel") ?? "").toLowerCase();
  const href = attr(attrs, "href") ?? "";
  return (rel === "preload" || rel === "modulepreload") && NEXT_ASSET.test(href);
}

export interface Stripped {
  html: string;
  /** How many runtime scripts and preloads were removed. */
  removed: number;
}

/** The page without Next's runtime, loading `islandsSrc` (deferred) instead. */
export function readerHtml(html: string, islandsSrc: string): Stripped {
  let removed = 0;
  let out = html.replace(SCRIPT, (whole, attrs: string, body: string) => {
    if (!isRuntimeScript(attrs, body)) return whole;
    removed++;
    return "";
  });
  out = out.replace(LINK, (whole, attrs: string) => {
    if (!isRuntimePreload(attrs)) return whole;
    removed++;
    return "";
  });
  const tag = `<script defer src="${islandsSrc}"></script>`;
  out = out.includes("</head>") ? out.replace("</head>", `${tag}</head>`) : tag + out;
  return { html: out, removed };
}

/** True when the HTML still carries Next's client runtime or its flight payload. */
export function shipsNextRuntime(html: string): boolean {
  return (
    /<script[^>]*\ssrc="[^"]*\/_next\/static\/chunks\//.test(html) ||
    html.includes("self.__next_f") ||
    html.includes('globalThis["TURBOPACK"]')
  );
}
