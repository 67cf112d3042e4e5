import type { IncomingMessage } from "node:http";
import { isIP } from "node:net";
import type { TLSSocket } from "node:tls";

// Who is asking, and over what: the direct peer, unless it is a proxy we
// trust (loopback, or listed in INSTALLMENT_TRUSTED_PROXIES), in which case
// its X-Forwarded-For and X-Forwarded-Proto headers are believed.

const normalise = (address: string) => address.replace(/^::ffff:/i, "").toLowerCase();

function isLoopback(address: string): boolean {
  const a = normalise(address);
  return a === "::1" || (isIP(a) === 4 && a.startsWith("127."));
}

function isTrustedProxy(address: string | undefined, trusted: readonly string[]): boolean {
  if (!address) return false;
  return isLoopback(address) || trusted.some((t) => normalise(t) === normalise(address));
}

function header(req: IncomingMessage, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v.join(",") : v;
}

/** Served over TLS: our own socket, or a trusted proxy's word for it. */
export function isHttps(req: IncomingMessage, trusted: readonly string[]): boolean {
  if ((req.socket as Partial<TLSSocket>).encrypted === true) return true;
  if (!isTrustedProxy(req.socket.remoteAddress, trusted)) return false;
  return header(req, "x-forwarded-proto")?.split(",")[0]?.trim().toLowerCase() === "https";
}

/**
 * The client's address: the peer, or behind trusted proxies the nearest
 * address in X-Forwarded-For that is not one of them (entries further left
 * were written by the client itself and prove nothing).
 */
export function clientAddress(req: IncomingMessage, trusted: readonly string[]): string {
  const peer = req.socket.remoteAddress ?? "unknown";
  if (!isTrustedProxy(peer, trusted)) return normalise(peer);
  const hops = (header(req, "x-forwarded-for") ?? "")
    .split(",")
    .map((h) => h.trim())
    .filter((h) => isIP(normalise(h)) !== 0);
  for (let i = hops.length - 1; i >= 0; i--) if (!isTrustedProxy(hops[i], trusted)) return normalise(hops[i]!);
  return normalise(hops[0] ?? peer);
}
