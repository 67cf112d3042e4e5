// A tiny loopback server for the naive rendering of a chapter: the page at /,
// the chapter's original media files under /naive/<n>/<name>. Nothing else.
import { createReadStream, existsSync, readFileSync, statSync } from "node:fs";
import { createServer, type Server } from "node:http";
import path from "node:path";
import type { ChapterSource } from "../../../lib/content/types";
import { naiveChapterHtml } from "./naive-chapter";
import { parse as parseYaml } from "yaml";

const TYPES: Record<string, string> = {
  ".gif": "image/gif",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".webp": "image/webp",
};

export interface NaiveServer {
  url: string;
  html: string;
  close(): Promise<void>;
}

export async function startNaiveServer(chapter: ChapterSource, root: string): Promise<NaiveServer> {
  const mdx = readFileSync(chapter.file, "utf8");
  const fm = /^---\r?\n([\s\S]*?)\r?\n---/.exec(mdx);
  const title = fm ? String((parseYaml(fm[1]!) as { title?: string })?.title ?? chapter.slug) : chapter.slug;
  let storyTitle: string | undefined;
  try {
    storyTitle = String((parseYaml(readFileSync(path.join(root, "story.yaml"), "utf8")) as { title?: string }).title ?? "");
  } catch {
    storyTitle = undefined;
  }
  const files = new Map<string, string>();
  const html = naiveChapterHtml({
    title,
    storyTitle,
    mdx,
    mediaUrl: (src) => {
      const abs = src.startsWith("/") ? path.join(root, src) : path.resolve(chapter.dir, src);
      const url = `/naive/${files.size}/${encodeURIComponent(path.basename(abs))}`;
      files.set(url, abs);
      return url;
    },
  });
  const server: Server = createServer((req, res) => {
    const url = (req.url ?? "/").split("?")[0]!;
    if (url === "/") {
      res.writeHead(200, { "content-type": "text/html; charset=utf-8", "content-length": Buffer.byteLength(html) });
      res.end(html);
      return;
    }
    const abs = files.get(url);
    if (!abs || !existsSync(abs)) {
      res.writeHead(404, { "content-type": "text/plain" });
      res.end("Not Found");
      return;
    }
    res.writeHead(200, {
      "content-type": TYPES[path.extname(abs).toLowerCase()] ?? "application/octet-stream",
      "content-length": statSync(abs).size,
    });
    createReadStream(abs).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}/`,
    html,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
