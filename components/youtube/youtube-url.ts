// URL building for the YouTube facade. Pure and unit tested.

/** YouTube video ids are 11 characters of [A-Za-z0-9_-]. */
const YOUTUBE_ID = /^[A-Za-z0-9_-]{11}$/;

export function isYouTubeId(id: string): boolean {
  return YOUTUBE_ID.test(id);
}

/** A whole, positive number of seconds, or undefined (start at 0). */
export function normalizeStart(start: number | undefined): number | undefined {
  if (start === undefined || !Number.isFinite(start)) return undefined;
  const s = Math.floor(start);
  return s > 0 ? s : undefined;
}

/** The player URL, on the privacy-enhanced (no-cookie) host. */
export function embedUrl(id: string, start?: number): string {
  const s = normalizeStart(start);
  const q = new URLSearchParams({ autoplay: "1" });
  if (s !== undefined) q.set("start", String(s));
  return `https://www.youtube-nocookie.com/embed/${encodeURIComponent(id)}?${q.toString()}`;
}

/** The watch page, for readers without JavaScript. */
export function watchUrl(id: string, start?: number): string {
  const s = normalizeStart(start);
  const q = new URLSearchParams({ v: id });
  if (s !== undefined) q.set("t", `${s}s`);
  return `https://www.youtube.com/watch?${q.toString()}`;
}
