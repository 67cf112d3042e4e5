import type { SiteView } from "./visibility";

const xml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** The home page and every released chapter. */
export function buildSitemap(view: SiteView): string {
  const released = view.chapters.filter((c) => c.state === "released");
  const last = released.reduce((max, c) => Math.max(max, c.releasedAt ?? 0), 0);
  const urls = [
    { loc: `${view.story.siteUrl}/`, lastmod: last },
    ...released.map((c) => ({ loc: `${view.story.siteUrl}/${c.slug}`, lastmod: c.releasedAt ?? 0 })),
  ];
  const body = urls
    .map((u) => `  <url><loc>${xml(u.loc)}</loc>${u.lastmod ? `<lastmod>${new Date(u.lastmod).toISOString()}</lastmod>` : ""}</url>`)
    .join("\n");
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${body}\n</urlset>\n`;
}

export function buildRobots(view: SiteView): string {
  return `User-agent: *\nAllow: /\nDisallow: /editor\n\nSitemap: ${view.story.siteUrl}/sitemap.xml\n`;
}
