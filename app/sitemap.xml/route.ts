import { textResponse } from "../../lib/server/text-response";
import { buildSitemap } from "../../lib/site/sitemap";

export function GET() {
  return textResponse("application/xml; charset=utf-8", buildSitemap);
}
