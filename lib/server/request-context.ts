import { headers } from "next/headers";
import { cache } from "react";
import { getRuntime, type Runtime } from "./runtime";
import { EDGE_HEADERS } from "./edge-headers";
import { edgeSecret } from "./edge-secret";
import { siteView, type Audience, type SiteView } from "../site/visibility";

export interface RequestContext {
  runtime: Runtime;
  now: number;
  audience: Audience;
  /** Set when an editor previews the site as of another instant. */
  asOf: number | null;
  view: SiteView | null;
}

const asNumber = (v: string | null) => (v && /^\d+$/.test(v) ? Number(v) : null);

/**
 * What the edge decided for this request: the instant and the audience.
 * Without the edge's secret (a request that bypassed it) the page renders for
 * a reader at the clock's time. Worked out once per request, however many
 * layouts, pages and metadata functions ask.
 */
export const requestContext = cache(async (): Promise<RequestContext> => {
  const h = await headers();
  const runtime = getRuntime();
  await runtime.ready;
  const trusted = h.get(EDGE_HEADERS.secret) === edgeSecret();
  const edgeNow = trusted ? asNumber(h.get(EDGE_HEADERS.now)) : null;
  const asOf = trusted ? asNumber(h.get(EDGE_HEADERS.asOf)) : null;
  const now = asOf ?? edgeNow ?? runtime.clock.now();
  const audience: Audience = runtime.mode === "preview" || (trusted && h.get(EDGE_HEADERS.audience) === "preview") ? "preview" : "reader";
  return { runtime, now, audience, asOf, view: siteView(runtime.snapshot(), now, audience) };
});
