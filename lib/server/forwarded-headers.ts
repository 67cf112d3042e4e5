import { EDGE_HEADERS } from "./edge-headers";
import type { Audience } from "../site/visibility";

export interface EdgeDecision {
  now: number;
  audience: Audience;
  secret: string;
  asOf: number | null;
}

/**
 * Every header a render receives: fixed values, the router headers the cache
 * key already holds, and the edge's own decision. Nothing else of the
 * client's request (User-Agent, Accept, Accept-Language, cookies…) reaches
 * Next, so no header outside the cache key can change a cached page.
 */
export function forwardedHeaders(router: Record<string, string>, edge: EdgeDecision): Record<string, string> {
  const out: Record<string, string> = {
    host: "localhost",
    "accept-encoding": "identity",
    accept: router["rsc"] === "1" ? "*/*" : "text/html",
    ...router,
  };
  out[EDGE_HEADERS.now] = String(edge.now);
  out[EDGE_HEADERS.audience] = edge.audience;
  out[EDGE_HEADERS.secret] = edge.secret;
  if (edge.asOf !== null) out[EDGE_HEADERS.asOf] = String(edge.asOf);
  return out;
}
