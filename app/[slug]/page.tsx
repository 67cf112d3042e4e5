import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requestContext } from "../../lib/server/request-context";
import { findVisible } from "../../lib/site/visibility";
import { chapterMetadata } from "../../lib/site/chapter-metadata";
import { ChapterPage } from "../../components/site/ChapterPage";
import { ChapterErrors } from "../../components/site/ChapterErrors";

type Params = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { slug } = await params;
  const { view } = await requestContext();
  const found = view ? findVisible(view, slug) : null;
  return found && view ? chapterMetadata(view.story, found.chapter) : {};
}

export default async function Page({ params }: Params) {
  const { slug } = await params;
  const ctx = await requestContext();
  const found = ctx.view ? findVisible(ctx.view, slug) : null;
  if (!found || !ctx.view) {
    if (ctx.audience === "preview") {
      const broken = ctx.runtime.snapshot().chapters.find((c) => !c.ok && c.source.slug === slug);
      if (broken && !broken.ok) return <ChapterErrors root={ctx.runtime.root} source={broken.source} diagnostics={broken.diagnostics} />;
    }
    notFound();
  }
  return <ChapterPage ctx={ctx} view={ctx.view} found={found} />;
}
