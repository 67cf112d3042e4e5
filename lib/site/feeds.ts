import { Feed } from "feed";
import type { SiteView } from "./visibility";

/**
 * Atom, RSS and JSON feeds of released chapters only. Every date comes from
 * the schedule, never from the time of the request, so the same release state
 * always gives the same bytes.
 */
export function buildFeed(view: SiteView): Feed {
  const { story } = view;
  const released = view.chapters.filter((c) => c.state === "released" && c.releasedAt !== null);
  const updated = released.reduce((max, c) => Math.max(max, c.releasedAt ?? 0), 0);
  const feed = new Feed({
    title: story.title,
    description: story.description,
    id: `${story.siteUrl}/`,
    link: `${story.siteUrl}/`,
    language: story.language,
    copyright: "",
    updated: new Date(updated),
    generator: "Installment",
    feedLinks: { atom: `${story.siteUrl}/feed.xml`, rss: `${story.siteUrl}/rss.xml`, json: `${story.siteUrl}/feed.json` },
  });
  for (const c of [...released].reverse()) {
    const url = `${story.siteUrl}/${c.slug}`;
    feed.addItem({
      title: `Chapter ${c.number}: ${c.title}`,
      id: url,
      link: url,
      description: c.summary ?? c.excerpt,
      date: new Date(c.releasedAt ?? 0),
      published: new Date(c.releasedAt ?? 0),
    });
  }
  return feed;
}
