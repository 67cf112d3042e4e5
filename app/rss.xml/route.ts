import { textResponse } from "../../lib/server/text-response";
import { buildFeed } from "../../lib/site/feeds";

export function GET() {
  return textResponse("application/rss+xml; charset=utf-8", (view) => buildFeed(view).rss2());
}
