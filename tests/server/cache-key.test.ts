import { describe, expect, it } from "vitest";
import { cacheBustingParam, legacyCacheBustingParam, readerRequest } from "../../lib/server/cache-key";
import { parseRouterStateTree } from "../../lib/server/router-state-tree";
import { forwardedHeaders } from "../../lib/server/forwarded-headers";
import { EDGE_HEADERS } from "../../lib/server/edge-headers";
// Next's own implementation, to prove the edge computes the same `_rsc`.
import * as nextHash from "next/dist/shared/lib/router/utils/cache-busting-search-param";

type Hash<T> = (...args: (string | undefined)[]) => T;
const nextModern = nextHash.computeCacheBustingSearchParam as Hash<Promise<string>>;
const nextLegacy = nextHash.computeLegacyCacheBustingSearchParam as Hash<string>;

const tree = encodeURIComponent(
  JSON.stringify(["", { children: [["slug", "orbit", "d", null], { children: ["__PAGE__", {}, null, null] }, null, null] }, null, null, 1]),
);

describe("readerRequest", () => {
  it("a document drops every query parameter and router header", () => {
    const a = readerRequest("/orbit", "junk=1&utm_source=x", { "next-router-state-tree": "[[[", "next-url": "/x", rsc: "2" });
    const b = readerRequest("/orbit", "", {});
    expect(a).toEqual(b);
    expect(a).toEqual({ kind: "page", flight: false, search: "", vary: "document", headers: {} });
  });

  it("computes Next's _rsc (modern and legacy)", async () => {
    for (const args of [
      ["1", undefined, tree, "/orbit"],
      [undefined, undefined, tree, undefined],
      ["2", "/_tree", undefined, undefined],
      [undefined, undefined, undefined, undefined],
    ] as const) {
      expect(cacheBustingParam(...args)).toBe(await nextModern(...args));
      expect(legacyCacheBustingParam(...args)).toBe(nextLegacy(...args));
    }
  });

  it("a flight request with a matching _rsc is forwarded without Next-Url, under one key whatever Next-Url or other parameters say", () => {
    const headers = (nextUrl: string) => ({ rsc: "1", "next-router-state-tree": tree, "next-url": nextUrl });
    const one = readerRequest("/orbit", `_rsc=${cacheBustingParam(undefined, undefined, tree, "/a")}&junk=1`, headers("/a"));
    const two = readerRequest("/orbit", `_rsc=${legacyCacheBustingParam(undefined, undefined, tree, "/b")}`, headers("/b"));
    expect(one.kind).toBe("page");
    expect(one).toEqual(two);
    if (one.kind !== "page") return;
    expect(one.headers["next-url"]).toBeUndefined();
    expect(one.search).toBe(`?_rsc=${cacheBustingParam(undefined, undefined, one.headers["next-router-state-tree"], undefined)}`);
  });

  it("a mismatched or missing _rsc is a 307 to the right one, as Next answers", () => {
    const r = readerRequest("/orbit", "_rsc=junk&x=1", { rsc: "1", "next-router-prefetch": "1" });
    expect(r).toEqual({ kind: "redirect", location: `/orbit?_rsc=${cacheBustingParam("1")}` });
    expect(readerRequest("/orbit", "", { rsc: "1" })).toEqual({ kind: "redirect", location: "/orbit?_rsc" });
    expect(readerRequest("/orbit", "_rsc", { rsc: "1" })).toMatchObject({ kind: "page", flight: true, search: "?_rsc" });
  });

  it("malformed router headers are a 400", () => {
    for (const h of [
      { "next-router-prefetch": "7" },
      { "next-router-state-tree": "%%%" },
      { "next-router-state-tree": "[".repeat(200) },
      { "next-router-state-tree": encodeURIComponent(JSON.stringify(["", {}, null, null, true])) },
      { "next-router-segment-prefetch": "no-slash" },
      { "next-url": "http://evil.example/" },
    ]) {
      expect(readerRequest("/orbit", "", { rsc: "1", ...h }), JSON.stringify(h)).toMatchObject({ kind: "refused", status: 400 });
    }
  });
});

describe("parseRouterStateTree", () => {
  it("accepts the trees Next's client sends", () => {
    expect(parseRouterStateTree(tree)).not.toBeNull();
    expect(parseRouterStateTree(encodeURIComponent(JSON.stringify(["", {}])))).not.toBeNull();
  });
  it("refuses deep, wide or huge trees", () => {
    let deep: unknown = ["", {}];
    for (let i = 0; i < 20; i++) deep = ["", { children: deep }];
    expect(parseRouterStateTree(encodeURIComponent(JSON.stringify(deep)))).toBeNull();
    const wide = ["", Object.fromEntries(Array.from({ length: 100 }, (_, i) => [`s${i}`, ["", {}]]))];
    expect(parseRouterStateTree(JSON.stringify(wide))).toBeNull();
    expect(parseRouterStateTree(encodeURIComponent(JSON.stringify(["x".repeat(5000), {}])))).toBeNull();
  });
});

describe("forwardedHeaders", () => {
  it("sends Next no user-agent, accept-language or cookie: only fixed values, router headers and the edge's decision", () => {
    const h = forwardedHeaders({ rsc: "1" }, { now: 5, audience: "reader", secret: "s", asOf: null });
    expect(Object.keys(h).sort()).toEqual(
      ["accept", "accept-encoding", "host", "rsc", EDGE_HEADERS.audience, EDGE_HEADERS.now, EDGE_HEADERS.secret].sort(),
    );
    expect(JSON.stringify(h)).not.toMatch(/user-agent|cookie|accept-language/i);
  });
});
