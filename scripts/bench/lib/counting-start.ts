// `npm start` with one addition for the burst bench: every page render the
// edge does (a cache miss, or a warm-up) is logged as a JSON line, so the
// bench can count renders. Nothing else changes.
import { PageCache } from "../../../lib/server/page-cache";

const original = PageCache.prototype.getOrRender;
PageCache.prototype.getOrRender = function (this: PageCache, key, render, store) {
  return original.call(
    this,
    key,
    async () => {
      const started = Date.now();
      const r = await render();
      process.stdout.write(
        JSON.stringify({ event: "bench-render", url: key.split("|")[2] ?? key, status: r.status, ms: Date.now() - started, at: started }) +
          "\n",
      );
      return r;
    },
    store,
  );
};

await import("../../start");
