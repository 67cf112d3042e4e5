/** Headers only the HTTP edge sets; it strips any a client sends. */
export const EDGE_HEADERS = {
  /** Story time the page renders at, epoch ms. */
  now: "x-installment-now",
  audience: "x-installment-audience",
  /** Set when an editor views the site as of another instant. */
  asOf: "x-installment-as-of",
  /** Proves a request came through the edge, not straight to the backend port. */
  secret: "x-installment-edge",
  /** A verified beta-reader link's path (`/beta/<slug>/<link>`): the page renders that one early chapter. */
  beta: "x-installment-beta",
} as const;
