import path from "node:path";
import { describe, expect, it } from "vitest";
import { cacheLayout } from "../../lib/cache-layout";
import { resolveStoreDir } from "../../lib/media/store";
import { mediaFilePath } from "../../lib/media/serve-path";
import { outboxDir } from "../../lib/server/notify-outbox";

describe("the cache folder's layout, named once", () => {
  const root = path.resolve("/srv/installment-cache");
  const layout = cacheLayout(root);

  it("puts every store under the cache folder", () => {
    expect(layout).toEqual({
      root,
      compiled: path.join(root, "compiled"),
      media: path.join(root, "media"),
      mediaFiles: path.join(root, "media", "files"),
      releases: path.join(root, "releases"),
      notify: path.join(root, "notify"),
      betaLinks: path.join(root, "beta-links"),
      revokedSessions: path.join(root, "editor-sessions", "revoked"),
    });
  });

  it("is what the media store, the media server and the notify outbox use", () => {
    expect(mediaFilePath(layout.media, "0123456789abcdef.mp4")).toBe(path.join(layout.mediaFiles, "0123456789abcdef.mp4"));
    expect(path.dirname(outboxDir(root, "/srv/story"))).toBe(layout.notify);
    const saved = process.env.INSTALLMENT_CACHE_DIR;
    process.env.INSTALLMENT_CACHE_DIR = root;
    try {
      expect(resolveStoreDir()).toBe(layout.media);
    } finally {
      if (saved === undefined) delete process.env.INSTALLMENT_CACHE_DIR;
      else process.env.INSTALLMENT_CACHE_DIR = saved;
    }
  });
});
