import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export interface TrickleProxy {
  url: string;
  close(): Promise<void>;
}

/**
 * A local proxy to a site that sends each HTML page's <body> one element at a
 * time, with a pause after each, so the browser can paint at every point of
 * parsing (what a slow network or a loaded CPU does at random). Everything
 * else passes through whole.
 */
export async function startTrickleProxy(target: string, pauseMs = 20): Promise<TrickleProxy> {
  const server: Server = createServer((req, res) => {
    void (async () => {
      const upstream = await fetch(new URL(req.url ?? "/", target), {
        headers: { accept: req.headers.accept ?? "*/*", "user-agent": req.headers["user-agent"] ?? "" },
        redirect: "manual",
      });
      const type = upstream.headers.get("content-type") ?? "";
      const body = Buffer.from(await upstream.arrayBuffer());
      const headers: Record<string, string> = {};
      for (const [name, value] of upstream.headers) {
        if (!["content-length", "content-encoding", "transfer-encoding", "connection"].includes(name)) headers[name] = value;
      }
      res.writeHead(upstream.status, headers);
      if (!type.startsWith("text/html")) return res.end(body);
      res.flushHeaders();
      for (const piece of bodyByTags(body.toString("utf8"))) {
        res.write(piece);
        await new Promise((r) => setTimeout(r, pauseMs));
      }
      res.end();
    })().catch((error: unknown) => {
      res.destroy(error instanceof Error ? error : new Error(String(error)));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** Elements that sit inside a line: a cut after one of them is mid-line. */
const PHRASING = new Set(
  "a abbr b bdi bdo cite code data dfn em i kbd label mark q s samp small span strong sub sup time u var".split(" "),
);

/**
 * The head whole (it is render-blocking anyway), then the body cut after
 * every end tag of a block-level element: each paint shows whole blocks, with
 * the ones after them still to come. (A cut inside a line can move that
 * line's own boxes by a pixel as its taller words arrive; that is not what
 * this guards.)
 */
export function bodyByTags(html: string): string[] {
  const start = html.indexOf("<body");
  if (start < 0) return [html];
  const pieces = [html.slice(0, start)];
  let from = start;
  for (let close = html.indexOf("</", start); close >= 0; close = html.indexOf("</", close + 2)) {
    const end = html.indexOf(">", close);
    if (end < 0) break;
    if (
      PHRASING.has(
        html
          .slice(close + 2, end)
          .trim()
          .toLowerCase(),
      )
    )
      continue;
    pieces.push(html.slice(from, end + 1));
    from = end + 1;
  }
  if (from < html.length) pieces.push(html.slice(from));
  return pieces;
}
