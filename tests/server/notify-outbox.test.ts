import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { openOutbox, outboxSummary } from "../../lib/server/notify-outbox";

const dir = () => mkdtempSync(path.join(tmpdir(), "installment-outbox-"));
const KEY = "2027-01-01T09-00-00.000Z";

describe("notification outbox", () => {
  it("an entry is created once; an attempt is claimed by exactly one of several outboxes on the folder", () => {
    const d = dir();
    const a = openOutbox(d);
    const b = openOutbox(d);
    expect(a.enqueue(KEY, "hook", { n: 1 })).toBe(true);
    expect(b.enqueue(KEY, "hook", { n: 2 })).toBe(false);
    expect(b.entries(0)[0]!.body).toEqual({ n: 1 });
    expect([a.claim(KEY, "hook", 1, 0), b.claim(KEY, "hook", 1, 0)]).toEqual([true, false]);
  });

  it("pending, in flight, retry at, sent and failed, as read back from the files", () => {
    const d = dir();
    const o = openOutbox(d, 1000);
    o.enqueue(KEY, "hook", {});
    o.enqueue(KEY, "slack", {});
    expect(o.entries(0).map((e) => [e.endpoint, e.status, e.nextAttemptAt])).toEqual([
      ["hook", "pending", 0],
      ["slack", "pending", 0],
    ]);
    o.claim(KEY, "hook", 1, 0);
    expect(o.entries(Date.now())[0]!.nextAttemptAt).toBeNull();
    // An attempt with no result after staleMs may be tried again.
    expect(o.entries(Date.now() + 5000)[0]!.nextAttemptAt).not.toBeNull();
    o.record(KEY, "hook", 1, { ok: false, error: "HTTP 500", at: 1, nextAt: 99 });
    expect(o.entries(0)[0]).toMatchObject({ status: "pending", attempts: 1, nextAttemptAt: 99, lastError: "HTTP 500" });
    o.claim(KEY, "hook", 2, 100);
    o.record(KEY, "hook", 2, { ok: true, at: 101 });
    o.claim(KEY, "slack", 1, 0);
    o.record(KEY, "slack", 1, { ok: false, error: "HTTP 404", at: 1, nextAt: null });
    expect(o.entries(0).map((e) => [e.endpoint, e.status, e.attempts])).toEqual([
      ["hook", "sent", 2],
      ["slack", "failed", 1],
    ]);
    expect(outboxSummary(o.entries(0))).toEqual([
      {
        key: KEY,
        sent: 1,
        pending: 0,
        failed: 1,
        endpoints: [
          { name: "hook", status: "sent", attempts: 2 },
          { name: "slack", status: "failed", attempts: 1 },
        ],
      },
    ]);
  });
});

describe("notification outbox across processes", () => {
  it("of four processes racing on one folder, one creates the entry and each attempt goes to exactly one", async () => {
    const { spawn } = await import("node:child_process");
    const d = dir();
    const tsx = path.resolve(__dirname, "../../node_modules/tsx/dist/cli.mjs");
    const script = path.resolve(__dirname, "../helpers/outbox-claimer.ts");
    const startAt = Date.now() + 8000;
    const runs = await Promise.all(
      [0, 1, 2, 3].map(
        () =>
          new Promise<{ created: boolean; claimed: number[] }>((resolve, reject) => {
            const child = spawn(process.execPath, [tsx, script, d, String(startAt)], { stdio: ["ignore", "pipe", "inherit"] });
            let out = "";
            child.stdout.on("data", (c: Buffer) => (out += c.toString()));
            child.on("exit", (code) =>
              code === 0 ? resolve(JSON.parse(out) as { created: boolean; claimed: number[] }) : reject(new Error(`exit ${code}`)),
            );
          }),
      ),
    );
    expect(runs.filter((r) => r.created)).toHaveLength(1);
    expect(runs.flatMap((r) => r.claimed).sort()).toEqual([1, 2, 3, 4, 5]);
  }, 60_000);
});
