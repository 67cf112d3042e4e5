import { isIP } from "node:net";
import path from "node:path";
import { z } from "zod";

/** `a, b,,c` → ["a", "b", "c"]. */
const commaList = z.string().transform((s) =>
  s
    .split(",")
    .map((item) => item.trim())
    .filter(Boolean),
);

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
  INSTALLMENT_TRUSTED_PROXIES: commaList
    .refine((list) => list.every((a) => isIP(a) !== 0), { message: "must be a comma-separated list of IP addresses" })
    .optional(),
  PORT: z.coerce.number().int().min(1).max(65535).optional(),
  /** The address `npm start` / `npm run dev` listen on (default: every interface for npm start, 127.0.0.1 for npm run dev). */
  HOST: z.string().min(1).optional(),
  INSTALLMENT_PREVIEW: z.enum(["0", "1"]).optional(),
  /** An ffmpeg binary instead of the bundled one (a path that does not exist: media fall back to the original GIF). */
  INSTALLMENT_FFMPEG: z.string().min(1).optional(),
  /**
   * The ffmpeg that encodes the AV1 rendition (it needs libsvtav1): a path, or `none` for no AV1.
   * Unset: INSTALLMENT_FFMPEG if it has libsvtav1, else Debian's /usr/bin/ffmpeg if it has (see av1FfmpegCandidates).
   */
  INSTALLMENT_AV1_FFMPEG: z.string().min(1).optional(),
  /** How long one GIF's transcode may take (default 10 minutes). */
  INSTALLMENT_FFMPEG_TIMEOUT_MS: z.coerce
    .number()
    .int()
    .min(1000)
    .max(24 * 3_600_000)
    .optional(),
  /** `npm run bench -- lighthouse` measures the site without Cross-Origin-Opener-Policy; never set in production. */
  INSTALLMENT_BENCH_NO_COOP: z.enum(["0", "1"]).optional(),
  /** The browser the tests and benches drive (default /usr/bin/chromium). */
  CHROMIUM_PATH: z.string().min(1).optional(),
  /** Set by CI services and by vitest: no progress bar for media builds. */
  CI: z.string().optional(),
  VITEST: z.string().optional(),
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
  INSTALLMENT_PURGE_URL: commaList
    .refine((list) => list.every((u) => /^https?:\/\/[^\s/]+/.test(u) && URL.canParse(u)), {
      message: "must be a comma-separated list of http:// or https:// URLs, e.g. http://127.0.0.1:6081/",
    })
    .optional(),
});

/** Never printed back in an error message. */
const SECRETS = new Set(["EDITOR_TOKEN"]);

export type Env = z.infer<typeof envSchema>;

export type EnvSource = Readonly<Record<string, string | undefined>>;

/** A bad environment variable: the message names it and (unless secret) its value. */
export class EnvError extends Error {}

/** Every known variable, validated; an empty value means unset. Throws EnvError on the first bad one. */
export function readEnv(source: EnvSource = process.env): Env {
  const picked = Object.fromEntries(Object.keys(envSchema.shape).map((k) => [k, source[k] === "" ? undefined : source[k]]));
  const result = envSchema.safeParse(picked);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const key = String(issue.path[0]);
    const value = source[key] ?? "";
    const shown = SECRETS.has(key) ? `${key} (${value.length} characters)` : `${key}=${JSON.stringify(value)}`;
    throw new EnvError(`${shown}: ${issue.message}`);
  }
  return result.data;
}

/**
 * The variables notify.yaml names (`$DISCORD_WEBHOOK_URL`…): chosen by the
 * editor, so they cannot be in the schema; this is the one place that hands
 * them out.
 */
export function notifyVariables(source: EnvSource = process.env): EnvSource {
  return Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ""));
}

export function contentRoot(env: Env = readEnv()): string {
  return path.resolve(/*turbopackIgnore: true*/ env.CHAPTERS_DIR ?? "chapters");
}

export function cacheRoot(env: Env = readEnv()): string {
  return path.resolve(
    /*turbopackIgnore: true*/ env.INSTALLMENT_CACHE_DIR ?? path.join(/*turbopackIgnore: true*/ process.cwd(), ".cache", "installment"),
  );
}

/** Where Debian installs its ffmpeg (5.1 in bookworm, with SVT-AV1). */
export const DEBIAN_FFMPEG = "/usr/bin/ffmpeg";

/**
 * The ffmpeg binaries to ask for an AV1 encoder (libsvtav1), in order; the
 * media pipeline takes the first that has one, and makes no AV1 when none
 * does. INSTALLMENT_AV1_FFMPEG names one (`none`: no AV1); otherwise the
 * configured INSTALLMENT_FFMPEG, then Debian's.
 */
export function av1FfmpegCandidates(env: Pick<Env, "INSTALLMENT_FFMPEG" | "INSTALLMENT_AV1_FFMPEG">): string[] {
  if (env.INSTALLMENT_AV1_FFMPEG === "none") return [];
  if (env.INSTALLMENT_AV1_FFMPEG) return [env.INSTALLMENT_AV1_FFMPEG];
  return [...new Set([env.INSTALLMENT_FFMPEG, DEBIAN_FFMPEG].filter((p): p is string => Boolean(p)))];
}
