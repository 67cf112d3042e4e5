import { unzipSync } from "fflate";

/** One response seen by a crawl. */
export interface Seen {
  path: string;
  status: number;
  type: string;
  text: string;
  /** Fetched with `RSC: 1`: the flight payload of a page. */
  flight: boolean;
  /** The Location header of a redirect (followed like a link). */
  location: string | null;
}

const SITE_URL = "http://localhost:3000";

/** Same-origin paths named in a body: attributes, feed/sitemap links, chunk paths. */
export function linksIn(text: string): string[] {
  const out = new Set<string>();
  const add = (raw: string) => {
    let url = raw.replace(/&amp;/g, "&").trim();
    if (url.startsWith(SITE_URL)) url = url.slice(SITE_URL.length) || "/";
    if (!url.startsWith("/") || url.startsWith("//")) return;
    out.add(url.split("#")[0]!);
  };
  for (const m of text.matchAll(/(?:href|src|poster|content|action)=["']([^"']+)["']/g)) add(m[1]!);
  for (const m of text.matchAll(/srcset=["']([^"']+)["']/gi)) for (const part of m[1]!.split(",")) add(part.trim().split(/\s+/)[0] ?? "");
  for (const m of text.matchAll(/<(?:loc|link|id)>([^<]+)<\/(?:loc|link|id)>/g)) add(m[1]!);
  for (const m of text.matchAll(/"(?:url|link|id|href)"\s*:\s*"([^"]+)"/g)) add(m[1]!);
  for (const m of text.matchAll(/\/_next\/static\/[A-Za-z0-9_\-./~]+\.(?:js|css|woff2)/g)) add(m[0]);
  for (const m of text.matchAll(/\/media\/[0-9a-f]{16}\.[a-z0-9]+/g)) add(m[0]);
  return [...out];
}

export interface CrawlOptions {
  limit?: number;
  /** Sent with every request, e.g. an editor's cookie. */
  headers?: Record<string, string>;
  /** Paths not to fetch (say, a sign-out link). */
  skip?: (path: string) => boolean;
}

/** Follows every same-origin link from `start`, also fetching each page's flight payload. */
export async function crawl(
  base: string,
  start: string[],
  { limit = 400, headers = {}, skip = () => false }: CrawlOptions = {},
): Promise<Seen[]> {
  const queue = [...start];
  const done = new Set<string>();
  const seen: Seen[] = [];
  while (queue.length > 0 && seen.length < limit) {
    const path = queue.shift()!;
    if (done.has(path) || skip(path)) continue;
    done.add(path);
    for (const flight of [false, true]) {
      const res = await fetch(base + path, { headers: flight ? { ...headers, RSC: "1" } : headers, redirect: "manual" });
      const type = res.headers.get("content-type") ?? "";
      const buf = Buffer.from(await res.arrayBuffer());
      // An e-book is a zip: its entries are searched, not its deflated bytes.
      const text = type.startsWith("application/epub+zip")
        ? Object.values(unzipSync(buf))
            .map((d) => Buffer.from(d).toString("utf8"))
            .join("\n")
        : buf.toString(/^(text|application\/(json|javascript|xml|atom|rss|feed))|x-component/.test(type) ? "utf8" : "latin1");
      const location = res.headers.get("location");
      seen.push({ path, status: res.status, type, text, flight, location });
      for (const link of [...linksIn(text), ...(location ? linksIn(`href="${location}"`) : [])]) if (!done.has(link)) queue.push(link);
      // Only pages have a flight payload.
      if (!type.startsWith("text/html")) break;
    }
  }
  return seen;
}
