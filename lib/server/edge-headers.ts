/** Headers only the HTTP edge sets; it strips any a client sends. */
export const EDGE_HEADERS = {
  nonce: "x-nonce",
  asOf: "x-installment-as-of",
  audience: "x-installment-audience",
} as const;
