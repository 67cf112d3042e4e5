import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requestContext } from "../lib/server/request-context";
import { StoryHome } from "../components/site/StoryHome";

export async function generateMetadata(): Promise<Metadata> {
  const { view } = await requestContext();
  return view ? { title: { absolute: view.story.title }, alternates: { types: { "application/atom+xml": "/feed.xml", "application/rss+xml": "/rss.xml" } } } : {};
}

export default async function HomePage() {
  const ctx = await requestContext();
  if (!ctx.view) notFound();
  return <StoryHome view={ctx.view} now={ctx.now} />;
}
