import { readEnv, type Env } from "../env";

let fromProcessEnv: Record<string, string> | undefined;

/**
 * Headers every response carries, whatever serves it (the edge, and the
 * static export's `_headers`). Without `env`, the process environment's,
 * read once: the edge asks for them on every response.
 */
export function staticSecurityHeaders(env?: Pick<Env, "INSTALLMENT_BENCH_NO_COOP">): Record<string, string> {
  if (env) return securityHeaders(env);
  fromProcessEnv ??= securityHeaders(readEnv());
  return { ...fromProcessEnv };
}

function securityHeaders(env: Pick<Env, "INSTALLMENT_BENCH_NO_COOP">): Record<string, string> {
  return {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
    "X-Frame-Options": "DENY",
    // Kept as served; only `npm run bench -- lighthouse` (BENCH_LH_NO_COOP=1) measures without it.
    ...(env.INSTALLMENT_BENCH_NO_COOP === "1" ? {} : { "Cross-Origin-Opener-Policy": "same-origin" }),
  };
}
