import type { ServerOptions } from "node:http";
import { readEnv, type Env } from "../env";

/** How much the public edge lets any client take: timeouts, render slots, cache bytes. */
export interface ServingLimits {
  /** A client must finish sending its request headers within this (Node's `headersTimeout`). */
  headersTimeoutMs: number;
  /** …and its whole request within this (Node's `requestTimeout`). */
  requestTimeoutMs: number;
  /** An idle keep-alive connection is closed after this. */
  keepAliveTimeoutMs: number;
  /** A page render (queue wait included) that takes longer is answered 504 with Retry-After. */
  renderTimeoutMs: number;
  /** Page renders running at once (their own sockets to Next; assets use others). */
  renderConcurrency: number;
  /** Renders waiting for a slot; past this a request is answered 503 with Retry-After. */
  renderQueue: number;
  /** Rendered pages and flight payloads kept in memory, in bytes. */
  pageCacheBytes: number;
  /** Build assets (`/_next/static/*`) kept in memory, in bytes. */
  assetCacheBytes: number;
}

const MB = 1024 * 1024;

export function servingLimits(env: Env = readEnv()): ServingLimits {
  return {
    headersTimeoutMs: env.INSTALLMENT_HEADERS_TIMEOUT_MS ?? 10_000,
    requestTimeoutMs: env.INSTALLMENT_REQUEST_TIMEOUT_MS ?? 30_000,
    keepAliveTimeoutMs: env.INSTALLMENT_KEEP_ALIVE_TIMEOUT_MS ?? 5_000,
    renderTimeoutMs: env.INSTALLMENT_RENDER_TIMEOUT_MS ?? 20_000,
    renderConcurrency: env.INSTALLMENT_RENDER_CONCURRENCY ?? 8,
    renderQueue: env.INSTALLMENT_RENDER_QUEUE ?? 512,
    pageCacheBytes: Math.round((env.INSTALLMENT_PAGE_CACHE_MB ?? 256) * MB),
    assetCacheBytes: Math.round((env.INSTALLMENT_ASSET_CACHE_MB ?? 64) * MB),
  };
}

/** The public server's timeouts (Node checks them every second, not every 30 s). */
export function httpServerOptions(limits: ServingLimits): ServerOptions {
  return {
    headersTimeout: limits.headersTimeoutMs,
    requestTimeout: Math.max(limits.requestTimeoutMs, limits.headersTimeoutMs),
    keepAliveTimeout: limits.keepAliveTimeoutMs,
    connectionsCheckingInterval: Math.min(1000, limits.headersTimeoutMs),
  };
}
