import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { betaRequest } from "../../../../lib/server/beta-request";
import { ChapterPage } from "../../../../components/site/ChapterPage";

// A beta reader's early chapter. Only the edge renders it, for a verified,
// unrevoked link (lib/server/beta-route.ts); anything else is the 404.

export async function generateMetadata(): Promise<Metadata> {
  const beta = await betaRequest();
  if (!beta) return {};
  const c = beta.found.chapter;
  return {
    title: `Chapter ${c.number}: ${c.title} (early)`,
    robots: { index: false, follow: false, nocache: true },
    referrer: "no-referrer",
  };
}

export default async function BetaChapter() {
  const beta = await betaRequest();
  if (!beta) notFound();
  const base = beta.base;
  return <ChapterPage ctx={beta.ctx} view={beta.view} found={beta.found} mediaUrl={(file) => `${base}/media/${file}`} />;
}
