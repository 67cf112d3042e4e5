import { describe, expect, it } from "vitest";
import { parseRequestTarget } from "../../lib/server/request-target";
import { refuseRequestBody } from "../../lib/server/request-body";

describe("parseRequestTarget", () => {
  it("reads origin-form targets", () => {
    expect(parseRequestTarget("/orbit?_rsc=abc&x=%20")).toEqual({
      ok: true,
      rawPath: "/orbit",
      pathname: "/orbit",
      query: "_rsc=abc&x=%20",
    });
    expect(parseRequestTarget("/caf%C3%A9")).toMatchObject({ ok: true, pathname: "/café" });
  });

  const malformed = [
    "//[",
    "//:99999",
    "//",
    "//orbit",
    "/\\[",
    "/\\\\evil.example/",
    "/%",
    "/%C0%AF",
    "/orbit?q=%",
    "http://x/..",
    "http://evil.example/orbit",
    "*",
    "orbit",
    "",
    "/a%00b",
    "/a%0d%0aSet-Cookie:x",
    "/%2F%2Fevil.example",
    "/#frag",
    "/orbit/%2e%2e/x",
    "/a/./b",
    "/..",
  ];
  for (const t of malformed) {
    it(`refuses ${JSON.stringify(t)} with a 4xx`, () => {
      const r = parseRequestTarget(t);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.status).toBe(400);
    });
  }

  it("refuses overlong targets with 414", () => {
    expect(parseRequestTarget("/" + "a".repeat(5000))).toMatchObject({ ok: false, status: 414 });
  });

  it("never throws, whatever the target", () => {
    for (let i = 0; i < 2000; i++) {
      const t = Array.from({ length: 1 + (i % 12) }, (_, j) => String.fromCharCode(((i * 31 + j * 17) % 126) + 1)).join("");
      expect(() => parseRequestTarget(t)).not.toThrow();
      expect(() => parseRequestTarget("/" + t)).not.toThrow();
    }
  });
});

describe("refuseRequestBody", () => {
  it("refuses a body on GET and HEAD before reading it", () => {
    expect(refuseRequestBody("GET", { "content-length": "10" })).toMatchObject({ status: 413 });
    expect(refuseRequestBody("HEAD", { "transfer-encoding": "chunked" })).toMatchObject({ status: 400 });
    expect(refuseRequestBody("GET", { "content-length": "x" })).toMatchObject({ status: 400 });
  });
  it("lets bodiless requests (and other methods) through", () => {
    expect(refuseRequestBody("GET", {})).toBeNull();
    expect(refuseRequestBody("GET", { "content-length": "0" })).toBeNull();
    expect(refuseRequestBody("POST", { "content-length": "10" })).toBeNull();
  });
});
