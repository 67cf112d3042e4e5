import { headers } from "next/headers";
import { cache } from "react";
import { EDGE_HEADERS } from "./edge-headers";
import { edgeSecret } from "./edge-secret";
import { parseBetaPath } from "./beta-links";
import { requestContext, type RequestContext } from "./request-context";
import { betaView } from "../site/beta-view";
import type { SiteView } from "../site/visibility";

export interface BetaRequest {
  ctx: RequestContext;
  view: SiteView;
  found: Extract<ReturnType<typeof betaView>, { kind: "early" }>["found"];
  /** The link's path: the chapter's media are served under it. */
  base: string;
}

/**
 * The early chapter the edge verified a beta link for, or null: only the edge
 * (its secret) can ask for one, and only for a chapter not yet released.
 */
export const betaRequest = cache(async (): Promise<BetaRequest | null> => {
  const h = await headers();
  if (h.get(EDGE_HEADERS.secret) !== edgeSecret()) return null;
  const base = h.get(EDGE_HEADERS.beta) ?? "";
  const parsed = parseBetaPath(base);
  if (!parsed || parsed.media !== null) return null;
  const ctx = await requestContext();
  const found = betaView(ctx.runtime.snapshot(), ctx.now, parsed.slug);
  if (found?.kind !== "early") return null;
  return { ctx, view: found.view, found: found.found, base };
});
