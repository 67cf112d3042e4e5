import path from "node:path";
import { describe, expect, it } from "vitest";
import { contentTypeFor, isMediaFileName, mediaFilePath } from "../../lib/media/serve-path";
import { assetFiles, filesByOwner } from "../../lib/media/asset-files";
import type { MediaManifest } from "../../lib/media/types";

const STORE = "/srv/cache/media";

describe("serve-path", () => {
  it("maps a valid name inside the store's files folder", () => {
    expect(mediaFilePath(STORE, "0123456789abcdef.mp4")).toBe(path.join(STORE, "files", "0123456789abcdef.mp4"));
    for (const ext of ["mp4", "webm", "webp", "avif", "jpg", "png", "gif"]) {
      expect(isMediaFileName(`0123456789abcdef.${ext}`)).toBe(true);
    }
  });

  it.each([
    "../x",
    "../0123456789abcdef.mp4",
    "..%2f0123456789abcdef.mp4",
    "%2e%2e",
    "%2e%2e%2f0123456789abcdef.mp4",
    "/etc/passwd",
    "/0123456789abcdef.mp4",
    "files/0123456789abcdef.mp4",
    "0123456789abcdef.mp4/..",
    "0123456789abcde.mp4", // 15 hex
    "0123456789abcdef0.mp4", // 17 hex
    "0123456789ABCDEF.mp4", // upper case
    "0123456789abcdeg.mp4", // not hex
    "0123456789abcdef.exe",
    "0123456789abcdef.mp4\0.png",
    "0123456789abcdef.mp4\n",
    "0123456789abcdef",
    "",
    ".",
    "..",
  ])("rejects %j", (name) => {
    expect(isMediaFileName(name)).toBe(false);
    expect(mediaFilePath(STORE, name)).toBeNull();
  });

  it("rejects non-strings", () => {
    expect(mediaFilePath(STORE, undefined)).toBeNull();
    expect(mediaFilePath(STORE, ["0123456789abcdef.mp4"])).toBeNull();
  });

  it("gives content types", () => {
    expect(contentTypeFor("0123456789abcdef.mp4")).toBe("video/mp4");
    expect(contentTypeFor("webm")).toBe("video/webm");
    expect(contentTypeFor("x.avif")).toBe("image/avif");
    expect(contentTypeFor("x.jpg")).toBe("image/jpeg");
    expect(contentTypeFor("x.gif")).toBe("image/gif");
    expect(contentTypeFor("x.html")).toBeNull();
  });
});

describe("asset-files", () => {
  const manifest: MediaManifest = {
    "01-a/x.gif": {
      kind: "video",
      source: "01-a/x.gif",
      width: 2,
      height: 2,
      sources: [
        { file: "a.webm", type: "video/webm", codec: "vp9", bytes: 1 },
        { file: "a.mp4", type: "video/mp4", codec: "h264", bytes: 2 },
      ],
      poster: "a.webp",
      sourceBytes: 1,
      servedBytes: 1,
    },
    "01-a/b.gif": { kind: "gif", source: "01-a/b.gif", width: 2, height: 2, file: "b.gif", poster: "", sourceBytes: 1, servedBytes: 1 },
    "02-b/s.png": {
      kind: "image",
      source: "02-b/s.png",
      width: 2,
      height: 2,
      fallback: "s.jpg",
      sourceBytes: 1,
      servedBytes: 1,
      renditions: [
        { file: "s.avif", width: 2, format: "avif", bytes: 1 },
        { file: "s.webp", width: 2, format: "webp", bytes: 1 },
      ],
    },
  };

  it("lists every file an asset uses, skipping an absent poster", () => {
    expect(assetFiles(manifest["01-a/x.gif"]!)).toEqual(["a.webm", "a.mp4", "a.webp"]);
    expect(assetFiles(manifest["01-a/b.gif"]!)).toEqual(["b.gif"]);
    expect(assetFiles(manifest["02-b/s.png"]!)).toEqual(["s.avif", "s.webp", "s.jpg"]);
  });

  it("maps files to the chapters that use them", () => {
    const map = filesByOwner(manifest, [
      ["a", ["01-a/x.gif", "01-a/b.gif"]],
      ["b", ["02-b/s.png", "01-a/x.gif", "missing.gif"]],
    ]);
    expect(map.get("a.mp4")).toEqual(["a", "b"]);
    expect(map.get("b.gif")).toEqual(["a"]);
    expect(map.get("s.jpg")).toEqual(["b"]);
    expect(map.size).toBe(7);
  });
});
