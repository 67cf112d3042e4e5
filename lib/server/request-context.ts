import { headers } from "next/headers";
import { getRuntime, type Runtime } from "./runtime";
import { siteView, type Audience, type SiteView } from "../site/visibility";

import { EDGE_HEADERS } from "./edge-headers";

export interface RequestContext {
  runtime: Runtime;
  now: number;
  audience: Audience;
  /** Set when an editor previews the site as of another instant. */
  asOf: number | null;
  nonce: string | undefined;
  view: SiteView | null;
}

/** Reads what the edge decided for this request: the instant, the audience, the CSP nonce. */
export async function requestContext(): Promise<RequestContext> {
  const h = await headers();
  const runtime = getRuntime();
  await runtime.ready;
  const asOfHeader = h.get(EDGE_HEADERS.asOf);
  const asOf = asOfHeader && /^\d+$/.test(asOfHeader) ? Number(asOfHeader) : null;
  const now = asOf ?? runtime.clock.now();
  const audience: Audience = runtime.mode === "preview" || h.get(EDGE_HEADERS.audience) === "preview" ? "preview" : "reader";
  return {
    runtime,
    now,
    audience,
    asOf,
    nonce: h.get(EDGE_HEADERS.nonce) ?? undefined,
    view: siteView(runtime.snapshot(), now, audience),
  };
}
