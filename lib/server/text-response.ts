import { requestContext } from "./request-context";
import { cacheSeconds, type SiteView } from "../site/visibility";

/**
 * A text output (feed, sitemap, calendar) of the current release state, cached
 * by shared caches no longer than the time left to the next release.
 */
export async function textResponse(type: string, build: (view: SiteView) => string): Promise<Response> {
  const ctx = await requestContext();
  if (!ctx.view) return new Response("Not Found", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  const maxAge = ctx.audience === "preview" ? 0 : cacheSeconds(ctx.view, ctx.now);
  return new Response(build(ctx.view), {
    headers: {
      "Content-Type": type,
      "Cache-Control": maxAge > 0 ? `public, max-age=${maxAge}, must-revalidate` : "no-store",
    },
  });
}
