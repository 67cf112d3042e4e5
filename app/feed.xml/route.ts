import { textResponse } from "../../lib/server/text-response";
import { buildFeed } from "../../lib/site/feeds";

export function GET() {
  return textResponse("application/atom+xml; charset=utf-8", (view) => buildFeed(view).atom1());
}
