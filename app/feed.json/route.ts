import { textResponse } from "../../lib/server/text-response";
import { buildFeed } from "../../lib/site/feeds";

export function GET() {
  return textResponse("application/feed+json; charset=utf-8", (view) => buildFeed(view).json1());
}
