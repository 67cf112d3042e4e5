import { requestContext } from "../../../lib/server/request-context";
import { findVisible } from "../../../lib/site/visibility";
import { ogImage } from "../../../lib/site/og-image";

export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const ctx = await requestContext();
  const found = ctx.view ? findVisible(ctx.view, slug) : null;
  if (!found || !ctx.view) return new Response("Not Found", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  const png = await ogImage(ctx.view.story.title, found.chapter);
  return new Response(new Uint8Array(png), {
    headers: { "Content-Type": "image/png", "Cache-Control": ctx.audience === "preview" ? "no-store" : "public, max-age=3600" },
  });
}
