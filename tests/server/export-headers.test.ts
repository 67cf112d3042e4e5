import { describe, expect, it } from "vitest";
import { IMMUTABLE_CACHE_CONTROL } from "../../lib/media/serve-path";
import { exportHeadersFile } from "../../lib/server/export-headers";
import { IMMUTABLE_PATH_PREFIXES, releaseCacheHeaders, SERVICE_WORKER_PATH } from "../../lib/server/edge-cache-policy";
import { staticSecurityHeaders } from "../../lib/server/security-headers";
import type { SiteView } from "../../lib/site/visibility";

/** `_headers` back into rules: pattern → header → value. */
function parse(text: string): Map<string, Record<string, string>> {
  const rules = new Map<string, Record<string, string>>();
  let current: Record<string, string> | null = null;
  for (const line of text.split("\n").filter(Boolean)) {
    if (!line.startsWith("  ")) {
      current = {};
      rules.set(line, current);
      continue;
    }
    const at = line.indexOf(": ");
    current![line.slice(2, at)] = line.slice(at + 2);
  }
  return rules;
}

// The static export's `_headers` must say what the live edge says; these
// compare it with the edge's own sources, so a header changed on one side
// only fails here.
describe("the export's _headers match the live edge", () => {
  const pages = [
    { path: "/", csp: "default-src 'self'; script-src 'self' 'sha256-aaa'" },
    { path: "/dawn/", csp: "default-src 'self'; script-src 'self' 'sha256-bbb'" },
  ];
  const rules = parse(exportHeadersFile(pages, {}));

  it("every path carries exactly the edge's security headers", () => {
    expect(rules.get("/*")).toEqual(staticSecurityHeaders({}));
    expect(rules.get("/*")).toMatchObject({
      "Cross-Origin-Opener-Policy": "same-origin",
      "Permissions-Policy": expect.stringContaining("usb=()"),
    });
  });

  it("the service worker is revalidated, as the edge serves it to readers", () => {
    const view = { stateKey: "reader:r1" } as SiteView;
    const live = releaseCacheHeaders(view, null, Date.UTC(2027, 6, 5), SERVICE_WORKER_PATH)["Cache-Control"];
    expect(rules.get("/sw.js")).toEqual({ "Cache-Control": live });
    expect(live).toBe("no-cache");
  });

  it("hashed assets are immutable, each page keeps its own CSP, and nothing else is said", () => {
    for (const prefix of IMMUTABLE_PATH_PREFIXES) expect(rules.get(`${prefix}*`)).toEqual({ "Cache-Control": IMMUTABLE_CACHE_CONTROL });
    for (const p of pages) expect(rules.get(p.path)).toEqual({ "Content-Security-Policy": p.csp });
    expect([...rules.keys()].sort()).toEqual(["/", "/*", "/_islands/*", "/_next/static/*", "/dawn/", "/media/*", "/sw.js"]);
  });

  it("is the same bytes for the same pages in any order", () => {
    expect(exportHeadersFile([...pages].reverse(), {})).toBe(exportHeadersFile(pages, {}));
  });
});
