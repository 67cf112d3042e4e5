import { textResponse } from "../../lib/server/text-response";
import { buildRobots } from "../../lib/site/sitemap";

export function GET() {
  return textResponse("text/plain; charset=utf-8", buildRobots);
}
