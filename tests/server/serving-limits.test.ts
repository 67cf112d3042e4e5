import { describe, expect, it } from "vitest";
import { readEnv } from "../../lib/env";
import { servingLimits } from "../../lib/server/serving-limits";

describe("serving limits from the environment", () => {
  it("has defaults and reads overrides", () => {
    expect(servingLimits(readEnv({}))).toMatchObject({ headersTimeoutMs: 10_000, renderConcurrency: 8, pageCacheBytes: 256 * 1024 * 1024 });
    expect(servingLimits(readEnv({ INSTALLMENT_PAGE_CACHE_MB: "4", INSTALLMENT_RENDER_TIMEOUT_MS: "500" }))).toMatchObject({
      pageCacheBytes: 4 * 1024 * 1024,
      renderTimeoutMs: 500,
    });
  });
  it("refuses a bad value, naming it", () => {
    expect(() => readEnv({ INSTALLMENT_HEADERS_TIMEOUT_MS: "soon" })).toThrow(/INSTALLMENT_HEADERS_TIMEOUT_MS="soon"/);
    expect(() => readEnv({ INSTALLMENT_RENDER_CONCURRENCY: "0" })).toThrow(/INSTALLMENT_RENDER_CONCURRENCY="0"/);
  });
});
