// @vitest-environment node
// The order of a video's <source>s is the manifest's (the lighter first), in
// the noscript markup and in what the island attaches.
import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { MediaView } from "../../components/chapter/MediaView";
import { sourcesOf } from "../../components/islands/loop-video";
import type { ChapterRenderContext } from "../../components/chapter/media-context";
import type { MediaAsset, VideoSource } from "../../lib/media/types";

const h264: VideoSource = { file: "aaaa.mp4", type: "video/mp4", codec: "h264", bytes: 90_000 };
const vp9: VideoSource = { file: "bbbb.webm", type: "video/webm", codec: "vp9", bytes: 120_000 };
const av1: VideoSource = { file: "dddd.mp4", type: 'video/mp4; codecs="av01.0.04M.08"', codec: "av1", bytes: 60_000 };

function render(sources: VideoSource[]): string {
  const asset: MediaAsset = {
    kind: "video",
    source: "01-a/media/rain.gif",
    width: 320,
    height: 240,
    sources,
    poster: "cccc.webp",
    sourceBytes: 1_000_000,
    servedBytes: 100_000,
  };
  const ctx = { story: {}, media: { [asset.source]: asset }, mediaUrl: (f: string) => `/media/${f}` } as unknown as ChapterRenderContext;
  return renderToString(<MediaView ctx={ctx} src={asset.source} alt="Rain" />);
}

const noscriptSources = (html: string) =>
  [...(/<noscript>([\s\S]*?)<\/noscript>/.exec(html)?.[1] ?? "").matchAll(/<source src="([^"]+)" type="([^"]+)"/g)].map((m) => m[1]);
const islandSources = (html: string) =>
  (JSON.parse((/data-sources="([^"]*)"/.exec(html)?.[1] ?? "[]").replaceAll("&quot;", '"')) as [string, string][]).map((p) => p[0]);

describe("<source> order follows the manifest", () => {
  it("MP4 first when the manifest lists it first", () => {
    const html = render([h264, vp9]);
    expect(noscriptSources(html)).toEqual(["/media/aaaa.mp4", "/media/bbbb.webm"]);
    expect(islandSources(html)).toEqual(["/media/aaaa.mp4", "/media/bbbb.webm"]);
  });

  it("AV1 first when the manifest lists it first, with its codecs string, so a browser without AV1 falls through", () => {
    const html = render([av1, h264, vp9]);
    expect(noscriptSources(html)).toEqual(["/media/dddd.mp4", "/media/aaaa.mp4", "/media/bbbb.webm"]);
    expect(islandSources(html)).toEqual(["/media/dddd.mp4", "/media/aaaa.mp4", "/media/bbbb.webm"]);
    expect(html).toContain('<source src="/media/dddd.mp4" type="video/mp4; codecs=&quot;av01.0.04M.08&quot;"/>');
    const attr = (/data-sources="([^"]*)"/.exec(html)?.[1] ?? "").replaceAll("&quot;", '"');
    expect(sourcesOf({ dataset: { sources: attr } } as unknown as HTMLElement)[0]).toEqual([
      "/media/dddd.mp4",
      'video/mp4; codecs="av01.0.04M.08"',
    ]);
  });

  it("WebM first when the manifest lists it first", () => {
    const html = render([vp9, h264]);
    expect(noscriptSources(html)).toEqual(["/media/bbbb.webm", "/media/aaaa.mp4"]);
    expect(islandSources(html)).toEqual(["/media/bbbb.webm", "/media/aaaa.mp4"]);
  });
});

describe("the island attaches the sources in the markup's order", () => {
  const box = (sources: string | undefined) => ({ dataset: { sources } }) as unknown as HTMLElement;

  it("reads [src, type] pairs in order", () => {
    const html = render([h264, vp9]);
    const attr = (/data-sources="([^"]*)"/.exec(html)?.[1] ?? "").replaceAll("&quot;", '"');
    expect(sourcesOf(box(attr))).toEqual([
      ["/media/aaaa.mp4", "video/mp4"],
      ["/media/bbbb.webm", "video/webm"],
    ]);
  });

  it("ignores a missing, malformed or hostile attribute", () => {
    for (const bad of [undefined, "", "{", "{}", "null", '[["", "video/mp4"]]', "[[1, 2]]", '["x.mp4"]'])
      expect(sourcesOf(box(bad))).toEqual([]);
  });
});
