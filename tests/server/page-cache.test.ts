import { describe, expect, it } from "vitest";
import { entryBytes, PageCache, type CachedResponse } from "../../lib/server/page-cache";
import { RenderPool, RenderRefused } from "../../lib/server/render-pool";

const page = (bytes: number, status = 200): CachedResponse => ({
  status,
  headers: { "content-type": "text/html" },
  body: Buffer.alloc(bytes, 97),
  gzip: null,
});

describe("PageCache", () => {
  it("stays within its byte bound however many keys arrive, evicting the least recently used", async () => {
    const cache = new PageCache(1024 * 1024);
    await cache.getOrRender(
      "warm",
      async () => page(100_000),
      () => true,
    );
    for (let i = 0; i < 2000; i++) {
      await cache.getOrRender(
        `junk-${i}`,
        async () => page(10_000),
        () => true,
      );
      if (i % 10 === 0) cache.get("warm"); // a popular page keeps being read
      expect(cache.bytes).toBeLessThanOrEqual(1024 * 1024);
    }
    expect(cache.get("warm")).toBeDefined();
    expect(cache.get("junk-0")).toBeUndefined();
  });

  it("never stores an entry larger than the whole cache", async () => {
    const cache = new PageCache(10_000);
    await cache.getOrRender(
      "big",
      async () => page(20_000),
      () => true,
    );
    expect(cache.size).toBe(0);
    expect(entryBytes(page(1), "k")).toBeGreaterThan(1);
  });

  it("merges concurrent loads of one key into one render, and keeps what store() refuses out", async () => {
    const cache = new PageCache(1024 * 1024);
    let renders = 0;
    const render = async () => {
      renders++;
      await new Promise((r) => setTimeout(r, 10));
      return page(10, 503);
    };
    const results = await Promise.all(Array.from({ length: 50 }, () => cache.getOrRender("k", render, (r) => r.status < 500)));
    expect(renders).toBe(1);
    expect(new Set(results).size).toBe(1);
    expect(cache.size).toBe(0);
  });
});

describe("RenderPool", () => {
  const never = () => new Promise<never>(() => {});

  it("refuses with a 503 once its slots and queue are full", async () => {
    const pool = new RenderPool({ concurrency: 2, queue: 1, timeoutMs: 60_000 });
    const held = [pool.run(never), pool.run(never), pool.run(never)];
    for (const h of held) h.catch(() => {});
    await expect(pool.run(async () => 1)).rejects.toMatchObject({ status: 503 });
    expect(pool.load).toEqual({ active: 2, waiting: 1 });
    pool.close();
  });

  it("a task that does not finish in time is aborted and refused with a 504 and a Retry-After", async () => {
    const pool = new RenderPool({ concurrency: 1, queue: 5, timeoutMs: 20 });
    let aborted = false;
    const running = pool.run(
      (signal) => new Promise((_, reject) => signal.addEventListener("abort", () => ((aborted = true), reject(new Error("aborted"))))),
    );
    const queued = pool.run(async () => 2);
    const error = await running.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RenderRefused);
    expect((error as RenderRefused).status).toBe(504);
    expect((error as RenderRefused).retryAfterSeconds).toBeGreaterThan(0);
    expect(aborted).toBe(true);
    // The queued task either ran once the slot freed or timed out too; never hung.
    await queued.then(
      (v) => expect(v).toBe(2),
      (e: unknown) => expect(e).toBeInstanceOf(RenderRefused),
    );
    pool.close();
  });

  it("runs tasks in order once slots free up", async () => {
    const pool = new RenderPool({ concurrency: 1, queue: 10, timeoutMs: 10_000 });
    const order: number[] = [];
    await Promise.all([1, 2, 3].map((n) => pool.run(async () => void order.push(n))));
    expect(order).toEqual([1, 2, 3]);
    pool.close();
  });
});
