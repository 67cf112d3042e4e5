import { describe, expect, it } from "vitest";
import { embedUrl, isYouTubeId, normalizeStart, watchUrl } from "../../components/youtube/youtube-url";

describe("YouTube URLs", () => {
  it("embeds from the no-cookie host with autoplay", () => {
    expect(embedUrl("dQw4w9WgXcQ")).toBe("https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1");
    expect(new URL(embedUrl("dQw4w9WgXcQ")).hostname).toBe("www.youtube-nocookie.com");
  });
  it("adds a whole-second start only when positive", () => {
    expect(embedUrl("dQw4w9WgXcQ", 42)).toBe("https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1&start=42");
    expect(embedUrl("dQw4w9WgXcQ", 42.9)).toContain("start=42");
    expect(embedUrl("dQw4w9WgXcQ", 0)).not.toContain("start");
    expect(embedUrl("dQw4w9WgXcQ", -5)).not.toContain("start");
    expect(embedUrl("dQw4w9WgXcQ", Number.NaN)).not.toContain("start");
    expect(normalizeStart(Infinity)).toBeUndefined();
  });
  it("links the watch page with t=…s for readers without JS", () => {
    expect(watchUrl("dQw4w9WgXcQ")).toBe("https://www.youtube.com/watch?v=dQw4w9WgXcQ");
    expect(watchUrl("dQw4w9WgXcQ", 90)).toBe("https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=90s");
  });
  it("escapes ids so they cannot change the URL's path or query", () => {
    const bad = `a/../b?x=1&y"<`;
    const e = new URL(embedUrl(bad));
    expect(e.hostname).toBe("www.youtube-nocookie.com");
    expect(e.pathname).toBe("/embed/a%2F..%2Fb%3Fx%3D1%26y%22%3C");
    expect(e.searchParams.get("x")).toBeNull();
    const w = new URL(watchUrl(bad));
    expect(w.searchParams.get("v")).toBe(bad);
    expect(w.searchParams.get("y")).toBeNull();
  });
  it("validates ids", () => {
    expect(isYouTubeId("dQw4w9WgXcQ")).toBe(true);
    expect(isYouTubeId("a-b_c1234567".slice(0, 11))).toBe(true);
    expect(isYouTubeId("short")).toBe(false);
    expect(isYouTubeId("dQw4w9WgXcQ/")).toBe(false);
  });
});
