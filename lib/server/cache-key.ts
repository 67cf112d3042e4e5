import { createHash } from "node:crypto";
import type { IncomingHttpHeaders } from "node:http";
import { parseRouterStateTree } from "./router-state-tree";

/**
 * A reader's request reduced to what changes the response: the path, whether
 * it asks for a flight payload, and well-formed router headers. Everything
 * else (other query parameters, free-form header values) is dropped, so it
 * can neither force a render nor add a cache entry.
 */
export type ReaderRequest =
  | {
      kind: "page";
      flight: boolean;
      /** Appended to the path sent to Next: "" or the `_rsc` matching `headers`. */
      search: string;
      /** The part of the cache key after the path. */
      vary: string;
      /** Router headers for Next (none for a document). */
      headers: Record<string, string>;
    }
  | { kind: "redirect"; location: string }
  | { kind: "refused"; status: 400; message: string };

const PREFETCH = new Set(["0", "1", "2", "3"]);
const SEGMENT = /^\/[A-Za-z0-9\-_@!$()./]{0,255}$/;
const NEXT_URL = /^\/[\x21-\x7e]{0,1023}$/;

export function readerRequest(rawPath: string, query: string, headers: IncomingHttpHeaders): ReaderRequest {
  // Not asking for a flight payload: a document, whatever router headers came along.
  if (headers["rsc"] !== "1") return { kind: "page", flight: false, search: "", vary: "document", headers: {} };
  const one = (name: string) => headers[name] as string | string[] | undefined;
  const prefetch = one("next-router-prefetch");
  const segment = one("next-router-segment-prefetch");
  const tree = one("next-router-state-tree");
  const nextUrl = one("next-url");
  if ([prefetch, segment, tree, nextUrl].some(Array.isArray)) return refused("a router header was sent twice");
  if (prefetch !== undefined && !PREFETCH.has(prefetch as string)) return refused("Next-Router-Prefetch");
  if (segment !== undefined && !SEGMENT.test(segment as string)) return refused("Next-Router-Segment-Prefetch");
  if (nextUrl !== undefined && !NEXT_URL.test(nextUrl as string)) return refused("Next-Url");
  const parsed = tree === undefined ? null : parseRouterStateTree(tree as string);
  if (tree !== undefined && parsed === null) return refused("Next-Router-State-Tree");
  const received = [prefetch, segment, tree, nextUrl] as (string | undefined)[];

  // Next refuses a `_rsc` that does not match the headers (a CDN keyed on the
  // URL alone could otherwise be poisoned) with a 307 to the right one; the
  // edge does the same before anything renders.
  const given = new URLSearchParams(query).get("_rsc");
  const expected = cacheBustingParam(...(received as [string?, string?, string?, string?]));
  if (given !== expected && (given === null || given !== legacyCacheBustingParam(...(received as [string?, string?, string?, string?])))) {
    return { kind: "redirect", location: `${rawPath}${withRsc(expected)}` };
  }
  // The site has no intercepting routes, so Next-Url changes nothing but the
  // hash: it is not sent on, and one tree has one spelling.
  const canonicalTree = parsed === null ? undefined : encodeURIComponent(JSON.stringify(parsed));
  const out: Record<string, string> = { rsc: "1" };
  if (prefetch !== undefined) out["next-router-prefetch"] = prefetch as string;
  if (segment !== undefined) out["next-router-segment-prefetch"] = segment as string;
  if (canonicalTree !== undefined) out["next-router-state-tree"] = canonicalTree;
  const forwarded = cacheBustingParam(prefetch as string | undefined, segment as string | undefined, canonicalTree, undefined);
  return {
    kind: "page",
    flight: true,
    search: withRsc(forwarded),
    vary: JSON.stringify(["flight", prefetch ?? null, segment ?? null, canonicalTree ?? null]),
    headers: out,
  };
}

function refused(what: string): ReaderRequest {
  return { kind: "refused", status: 400, message: `Bad Request: malformed ${what}` };
}

function withRsc(hash: string): string {
  return hash ? `?_rsc=${hash}` : "?_rsc";
}

function hashInput(prefetch?: string, segment?: string, tree?: string, nextUrl?: string): string | null {
  if ((prefetch === undefined || prefetch === "0") && segment === undefined && tree === undefined && nextUrl === undefined) return null;
  return [prefetch ?? "0", segment ?? "0", tree ?? "0", nextUrl ?? "0"].join(",");
}

/** Next's `_rsc` for these router headers: 12 bytes of SHA-256, base64url (its computeCacheBustingSearchParam). */
export function cacheBustingParam(prefetch?: string, segment?: string, tree?: string, nextUrl?: string): string {
  const input = hashInput(prefetch, segment, tree, nextUrl);
  return input === null ? "" : createHash("sha256").update(input).digest().subarray(0, 12).toString("base64url");
}

/** The short `_rsc` of clients without WebCrypto (Next's computeLegacyCacheBustingSearchParam: djb2, base 36). */
export function legacyCacheBustingParam(prefetch?: string, segment?: string, tree?: string, nextUrl?: string): string {
  const input = hashInput(prefetch, segment, tree, nextUrl);
  if (input === null) return "";
  let hash = 5381;
  for (let i = 0; i < input.length; i++) hash = ((hash << 5) + hash + input.charCodeAt(i)) & 0xffffffff;
  return (hash >>> 0).toString(36).slice(0, 5);
}
