/** Headers every response carries, whatever serves it. */
export function staticSecurityHeaders(): Record<string, string> {
  return {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
    "X-Frame-Options": "DENY",
    // Kept as served; only `npm run bench -- lighthouse` (BENCH_LH_NO_COOP=1) measures without it.
    ...(process.env.INSTALLMENT_BENCH_NO_COOP === "1" ? {} : { "Cross-Origin-Opener-Policy": "same-origin" }),
  };
}
