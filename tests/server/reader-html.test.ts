// @vitest-environment node
// Reader pages without Next's client runtime depend on the shape of Next's
// HTML: these tests pin it, on a page Next 16.4.6 really rendered
// (tests/fixtures/next-html, an editor's view of the reader fixture's /landing).
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { NEXT_VERSION_PINNED, readerHtml, shipsNextRuntime } from "../../lib/server/reader-html";
import { readerPrefsScript } from "../../components/chrome/prefs";

const root = path.resolve(__dirname, "..", "..");
const fixture = readFileSync(path.join(root, "tests/fixtures/next-html/landing-16.4.6.html"), "utf8");
const SRC = "/_islands/abc123.js";

const scripts = (html: string) =>
  [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)].map((m) => ({ attrs: m[1]!.trim(), body: m[2]! }));
const markup = (html: string) => html.replace(/<script\b[^>]*>[\s\S]*?<\/script>/g, "").replace(/<link\b[^>]*\/?>/g, "");

describe("reader HTML without Next's runtime", () => {
  it("is pinned to the installed Next version: re-check the HTML shape (and refresh the fixture) when upgrading", () => {
    const installed = (JSON.parse(readFileSync(path.join(root, "node_modules/next/package.json"), "utf8")) as { version: string }).version;
    expect(installed).toBe(NEXT_VERSION_PINNED);
  });

  it("the fixture has the runtime this module removes (chunks, preload, Turbopack bootstrap, flight payload)", () => {
    expect(shipsNextRuntime(fixture)).toBe(true);
    expect(fixture).toMatch(/<script src="\/_next\/static\/chunks\/[^"]+\.js" async="">/);
    expect(fixture).toMatch(/<link rel="preload" as="script"[^>]*href="\/_next\/static\/chunks\//);
    expect(fixture).toContain('<script id="_R_">(globalThis["TURBOPACK"]');
    expect(fixture).toContain("self.__next_f.push(");
  });

  const { html, removed } = readerHtml(fixture, SRC);

  it("leaves only the reader-preferences script and one deferred islands script", () => {
    expect(shipsNextRuntime(html)).toBe(false);
    expect(scripts(html)).toEqual([
      { attrs: "", body: readerPrefsScript },
      { attrs: `defer src="${SRC}"`, body: "" },
    ]);
    expect(html).not.toMatch(/rel="(module)?preload"[^>]*as="script"|as="script"[^>]*rel="(module)?preload"/);
    expect(removed).toBeGreaterThan(8);
  });

  it("keeps every other byte of the page: markup, stylesheet, icon and canonical links", () => {
    expect(markup(html)).toBe(markup(fixture));
    expect(html).toMatch(/<link rel="stylesheet" href="\/_next\/static\/chunks\/[^"]+\.css"/);
    expect(html).toContain('<link rel="canonical"');
    expect(html).toContain('<link rel="icon"');
    expect(html.indexOf(SRC)).toBeLessThan(html.indexOf("</head>"));
  });

  it("a page without a runtime is left as it was, plus the islands script", () => {
    const plain = "<!DOCTYPE html><html><head><title>x</title></head><body><p>hi</p></body></html>";
    expect(readerHtml(plain, SRC)).toEqual({ html: plain.replace("</head>", `<script defer src="${SRC}"></script></head>`), removed: 0 });
  });
});
