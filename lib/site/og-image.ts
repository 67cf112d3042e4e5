import sharp from "sharp";
import type { VisibleChapter } from "./visibility";

const WIDTH = 1200;
const HEIGHT = 630;
const made = new Map<string, Buffer>();

const xml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/**
 * The chapter's Open Graph card: its cover (or first picture) cropped to
 * 1200×630 under the chapter's title. Made once per compiled chapter.
 */
export async function ogImage(storyTitle: string, chapter: VisibleChapter): Promise<Buffer> {
  const key = chapter.chapter.hash;
  const hit = made.get(key);
  if (hit) return hit;
  const source =
    chapter.chapter.media.find((m) => m.kind === "cover") ?? chapter.chapter.media.find((m) => m.kind === "still" || m.kind === "gif");
  const base = source
    ? sharp(source.abs, { pages: 1 }).resize(WIDTH, HEIGHT, { fit: "cover" }).modulate({ brightness: 0.55 })
    : sharp({ create: { width: WIDTH, height: HEIGHT, channels: 3, background: "#000000" } });
  const caption = Buffer.from(
    `<svg width="${WIDTH}" height="${HEIGHT}" xmlns="http://www.w3.org/2000/svg">` +
      `<text x="60" y="470" font-family="sans-serif" font-size="34" fill="#cccccc">${xml(storyTitle)} · Chapter ${chapter.number}</text>` +
      `<text x="60" y="550" font-family="sans-serif" font-weight="bold" font-size="64" fill="#ffffff">${xml(chapter.title)}</text>` +
      `</svg>`,
  );
  const png = await base
    .composite([{ input: caption }])
    .png()
    .toBuffer();
  made.set(key, png);
  return png;
}
