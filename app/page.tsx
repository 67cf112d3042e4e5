import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requestContext } from "../lib/server/request-context";
import { StoryHome } from "../components/site/StoryHome";
import { clientClock } from "../lib/site/client-clock";

export async function generateMetadata(): Promise<Metadata> {
  const { view } = await requestContext();
  return view
    ? {
        title: { absolute: view.story.title },
        alternates: { types: { "application/atom+xml": "/feed.xml", "application/rss+xml": "/rss.xml" } },
      }
    : {};
}

export default async function HomePage() {
  const ctx = await requestContext();
  if (!ctx.view) notFound();
  return <StoryHome view={ctx.view} clock={clientClock(ctx.runtime.clock.spec, ctx.runtime.clock.startedAt, ctx.asOf)} />;
}
