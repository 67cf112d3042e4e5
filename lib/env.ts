import { isIP } from "node:net";
import path from "node:path";
import { z } from "zod";

// Every environment variable the engine reads, validated in one place.
const envSchema = z.object({
  CHAPTERS_DIR: z.string().min(1).optional(),
  INSTALLMENT_CACHE_DIR: z.string().min(1).optional(),
  RELEASE_CLOCK: z.string().min(1).optional(),
  /** `npm start` refuses a frozen or replay RELEASE_CLOCK without it (or --simulated-clock). */
  INSTALLMENT_SIMULATED_CLOCK: z.enum(["0", "1"]).optional(),
  EDITOR_TOKEN: z
    .string()
    .min(24, { message: "must be at least 24 characters (a long random string, e.g. from `openssl rand -base64 32`)" })
    .optional(),
  /** Proxies whose X-Forwarded-Proto / X-Forwarded-For are believed, besides loopback: comma-separated IP addresses. */
  INSTALLMENT_TRUSTED_PROXIES: z
    .string()
    .transform((s) =>
      s
        .split(",")
        .map((a) => a.trim())
        .filter(Boolean),
    )
    .refine((list) => list.every((a) => isIP(a) !== 0), { message: "must be a comma-separated list of IP addresses" })
    .optional(),
  PORT: z.coerce.number().int().min(1).max(65535).optional(),
  /** The address `npm start` / `npm run dev` listen on (default: every interface for npm start, 127.0.0.1 for npm run dev). */
  HOST: z.string().min(1).optional(),
  INSTALLMENT_PREVIEW: z.enum(["0", "1"]).optional(),
  // Serving under abuse (lib/server/serving-limits.ts has the defaults; docs/architecture.md explains them).
  INSTALLMENT_HEADERS_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).optional(),
  INSTALLMENT_REQUEST_TIMEOUT_MS: z.coerce.number().int().min(100).max(3_600_000).optional(),
  INSTALLMENT_KEEP_ALIVE_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).optional(),
  INSTALLMENT_RENDER_TIMEOUT_MS: z.coerce.number().int().min(1).max(600_000).optional(),
  INSTALLMENT_RENDER_CONCURRENCY: z.coerce.number().int().min(1).max(256).optional(),
  INSTALLMENT_RENDER_QUEUE: z.coerce.number().int().min(0).max(100_000).optional(),
  INSTALLMENT_PAGE_CACHE_MB: z.coerce.number().min(1).max(65_536).optional(),
  INSTALLMENT_ASSET_CACHE_MB: z.coerce.number().min(1).max(65_536).optional(),
  /** Shared caches (Varnish) to BAN after a content or schedule change: comma-separated http(s) URLs. */
  INSTALLMENT_PURGE_URL: z
    .string()
    .transform((s) =>
      s
        .split(",")
        .map((u) => u.trim())
        .filter(Boolean),
    )
    .refine((list) => list.every((u) => /^https?:\/\/[^\s/]+/.test(u) && URL.canParse(u)), {
      message: "must be a comma-separated list of http:// or https:// URLs, e.g. http://127.0.0.1:6081/",
    })
    .optional(),
});

/** Never printed back in an error message. */
const SECRETS = new Set(["EDITOR_TOKEN"]);

export type Env = z.infer<typeof envSchema>;

export function readEnv(source: Readonly<Record<string, string | undefined>> = process.env): Env {
  const picked = Object.fromEntries(Object.keys(envSchema.shape).map((k) => [k, source[k] === "" ? undefined : source[k]]));
  const result = envSchema.safeParse(picked);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const key = String(issue.path[0]);
    const value = source[key] ?? "";
    const shown = SECRETS.has(key) ? `${key} (${value.length} characters)` : `${key}=${JSON.stringify(value)}`;
    throw new Error(`${shown}: ${issue.message}`);
  }
  return result.data;
}

export function contentRoot(env: Env = readEnv()): string {
  return path.resolve(/*turbopackIgnore: true*/ env.CHAPTERS_DIR ?? "chapters");
}

export function cacheRoot(env: Env = readEnv()): string {
  return path.resolve(
    /*turbopackIgnore: true*/ env.INSTALLMENT_CACHE_DIR ?? path.join(/*turbopackIgnore: true*/ process.cwd(), ".cache", "installment"),
  );
}
