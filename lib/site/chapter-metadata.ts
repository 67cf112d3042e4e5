import type { Metadata } from "next";
import type { Story } from "../content/types";
import type { VisibleChapter } from "./visibility";

/** Title, description and Open Graph / Twitter cards for a chapter page. */
export function chapterMetadata(story: Story, chapter: VisibleChapter): Metadata {
  const title = `Chapter ${chapter.number}: ${chapter.title}`;
  const description = chapter.summary ?? chapter.excerpt;
  const url = `${story.siteUrl}/${chapter.slug}`;
  const image = `${story.siteUrl}/${chapter.slug}/cover.png`;
  return {
    title,
    description,
    alternates: { canonical: url },
    openGraph: {
      type: "article",
      title,
      description,
      url,
      siteName: story.title,
      images: [{ url: image, width: 1200, height: 630, alt: title }],
    },
    twitter: { card: "summary_large_image", title, description, images: [image] },
  };
}
