import { textResponse } from "../../lib/server/text-response";
import { buildCalendar } from "../../lib/site/calendar";

export function GET() {
  return textResponse("text/calendar; charset=utf-8", buildCalendar);
}
