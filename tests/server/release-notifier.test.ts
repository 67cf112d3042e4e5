import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { startReleaseNotifier } from "../../lib/server/release-notifier";
import type { Runtime } from "../../lib/server/runtime";
import type { Schedule } from "../../lib/schedule/types";
import { startReceiver, type Receiver } from "../helpers/notify-receiver";

// The notifier against a real HTTP receiver on 127.0.0.1, on the real clock.
// The runtime is a stand-in (no Next, no MDX): the full site is in tests/e2e/notify.test.ts.

const TOKEN = "masto-token-9f8e7d6c5b4a";
const HOOK_SECRET = "hookpath-s3cr3t-71c2";
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function chapter(number: number, slug: string, title: string) {
  return {
    ok: true,
    chapter: { source: { number, slug }, frontmatter: { title, summary: `${title} summary` }, excerpt: `${title} excerpt` },
  };
}

function fakeRuntime(root: string, schedule: Schedule): Runtime {
  return {
    root,
    mode: "production",
    clock: { kind: "real", now: () => Date.now(), describe: () => "real clock", realMsUntil: (at: number) => at - Date.now() },
    snapshot: () => ({
      root,
      story: {
        title: "Notify Story",
        description: "d",
        language: "en",
        siteUrl: "https://serial.example",
        cast: {},
        arcs: [],
        revealUpcomingTitles: false,
      },
      chapters: [chapter(1, "old-one", "Old One"), chapter(2, "new-two", "New Two"), chapter(3, "new-three", "New Three")],
      schedule,
      diagnostics: [],
      kept: [],
      stats: { compiled: 0, cached: 0 },
    }),
    onReload: () => () => {},
  } as unknown as Runtime;
}

// A 1 s request timeout lets the hung-endpoint test finish quickly; a test
// about sending once passes a longer one, since a timed-out request that did
// arrive is retried by design (at least once, never silently dropped).
function storyRoot(receiver: Receiver, extra = "", timeoutSeconds = 1): string {
  const root = mkdtempSync(path.join(tmpdir(), "installment-notify-"));
  writeFileSync(
    path.join(root, "notify.yaml"),
    [
      `timeoutSeconds: ${timeoutSeconds}`,
      "retry:",
      "  attempts: 4",
      "  firstDelaySeconds: 0.3",
      "endpoints:",
      "  - name: hook",
      "    kind: webhook",
      "    urlEnv: TEST_HOOK_URL",
      "  - name: discord",
      "    kind: discord",
      `    url: ${receiver.url}/discord`,
      "  - name: slack",
      "    kind: slack",
      `    url: ${receiver.url}/slack`,
      "  - name: toot",
      "    kind: mastodon",
      `    instance: ${receiver.url}/masto`,
      "    tokenEnv: TEST_MASTODON_TOKEN",
      extra,
    ].join("\n"),
  );
  return root;
}

const env = (receiver: Receiver) => ({ TEST_HOOK_URL: `${receiver.url}/hook/${HOOK_SECRET}`, TEST_MASTODON_TOKEN: TOKEN });

async function until(cond: () => boolean, ms = 15_000): Promise<void> {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error("timed out waiting");
    await sleep(50);
  }
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = path.join(dir, n);
    return statSync(p).isDirectory() ? filesUnder(p) : [p];
  });
}

describe("release notifier", () => {
  const stops: (() => void | Promise<void>)[] = [];
  afterEach(async () => {
    for (const s of stops.splice(0)) await s();
  });

  it("one message per endpoint for a release while running, after the edge says live, none for the back catalogue, nothing twice after a restart, no secret in any log", async () => {
    const receiver = await startReceiver();
    stops.push(() => receiver.close());
    const at = Date.now() + 1500;
    const schedule: Schedule = {
      timezone: "UTC",
      releases: [
        { at: at - 7200_000, chapters: [1], line: 1 },
        { at, chapters: [2, 3], line: 2 },
      ],
    };
    const root = storyRoot(receiver, "", 20);
    const cacheDir = mkdtempSync(path.join(tmpdir(), "installment-cache-"));
    const live: number[] = [];
    const probe = async (paths: string[]) => {
      const ok = Date.now() >= at;
      if (ok) live.push(Date.now());
      expect(paths).toEqual(["/new-two", "/new-three"]);
      return ok;
    };
    const logs: Record<string, unknown>[] = [];
    const stop = startReleaseNotifier(fakeRuntime(root, schedule), {
      cacheDir,
      probe,
      env: env(receiver),
      log: (e) => logs.push(e),
      pollMs: 100,
    });
    stops.push(stop);
    await until(() => receiver.received.length >= 4);
    await sleep(800);
    expect(receiver.on(`/hook/${HOOK_SECRET}`)).toHaveLength(1);
    expect(receiver.on("/discord")).toHaveLength(1);
    expect(receiver.on("/slack")).toHaveLength(1);
    const toots = receiver.on("/masto/api/v1/statuses");
    expect(toots).toHaveLength(1);
    expect(toots[0]!.headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(toots[0]!.headers["idempotency-key"]).toMatch(/^installment-/);
    expect(receiver.received.every((r) => r.at >= at && r.at >= live[0]!)).toBe(true);
    const hook = receiver.on(`/hook/${HOOK_SECRET}`)[0]!.body as { chapters: { url: string }[] };
    expect(hook.chapters.map((c) => c.url)).toEqual(["https://serial.example/new-two", "https://serial.example/new-three"]);
    expect(JSON.stringify(receiver.received.map((r) => r.body))).not.toContain("old-one");

    stop();
    const again = startReleaseNotifier(fakeRuntime(root, schedule), {
      cacheDir,
      probe,
      env: env(receiver),
      log: (e) => logs.push(e),
      pollMs: 100,
    });
    stops.push(again);
    await sleep(1500);
    expect(receiver.received).toHaveLength(4);

    const everything =
      JSON.stringify(logs) +
      filesUnder(cacheDir)
        .map((f) => readFileSync(f, "utf8"))
        .join("\n");
    expect(logs.filter((e) => e.event === "notify-sent")).toHaveLength(4);
    expect(everything).not.toContain(TOKEN);
    expect(everything).not.toContain(HOOK_SECRET);
  }, 30_000);

  it("a failing endpoint is retried with backoff; a hung one times out; neither holds back the others", async () => {
    const receiver = await startReceiver({
      status: (p, count) => (p === "/discord" && count <= 2 ? 500 : 200),
      hang: (p) => p === "/slack",
    });
    stops.push(() => receiver.close());
    const at = Date.now() + 500;
    const schedule: Schedule = { timezone: "UTC", releases: [{ at, chapters: [2], line: 1 }] };
    const root = storyRoot(receiver);
    const cacheDir = mkdtempSync(path.join(tmpdir(), "installment-cache-"));
    const logs: Record<string, unknown>[] = [];
    stops.push(
      startReleaseNotifier(fakeRuntime(root, schedule), {
        cacheDir,
        probe: async () => Date.now() >= at,
        env: env(receiver),
        log: (e) => logs.push(e),
        pollMs: 100,
      }),
    );
    await until(() => receiver.on("/discord").length >= 3);
    await sleep(500);
    const discord = receiver.on("/discord");
    expect(discord).toHaveLength(3);
    // The hook and Mastodon answered on their first attempt, before Discord's first retry.
    const hook = receiver.on(`/hook/${HOOK_SECRET}`);
    const toot = receiver.on("/masto/api/v1/statuses");
    expect(hook).toHaveLength(1);
    expect(toot).toHaveLength(1);
    expect(hook[0]!.at).toBeLessThan(discord[1]!.at);
    expect(toot[0]!.at).toBeLessThan(discord[1]!.at);
    // Backoff: the second retry waits longer than the first.
    expect(discord[2]!.at - discord[1]!.at).toBeGreaterThan(discord[1]!.at - discord[0]!.at);
    const failed = logs.filter((e) => e.event === "notify-failed");
    expect(failed.filter((e) => e.endpoint === "discord").map((e) => e.error)).toEqual(["HTTP 500", "HTTP 500"]);
    expect(failed.some((e) => e.endpoint === "slack" && String(e.error).includes("no answer within 1000 ms"))).toBe(true);
    expect(
      logs
        .filter((e) => e.event === "notify-sent")
        .map((e) => e.endpoint)
        .sort(),
    ).toEqual(["discord", "hook", "toot"]);
  }, 30_000);

  it("several instances sharing the cache folder send each message once", async () => {
    const receiver = await startReceiver();
    stops.push(() => receiver.close());
    const at = Date.now() + 800;
    const schedule: Schedule = { timezone: "UTC", releases: [{ at, chapters: [3], line: 1 }] };
    const root = storyRoot(receiver, "", 20);
    const cacheDir = mkdtempSync(path.join(tmpdir(), "installment-cache-"));
    for (let i = 0; i < 3; i++) {
      stops.push(
        startReleaseNotifier(fakeRuntime(root, schedule), {
          cacheDir,
          probe: async () => Date.now() >= at,
          env: env(receiver),
          log: () => {},
          pollMs: 20,
        }),
      );
    }
    await until(() => receiver.received.length >= 4);
    await sleep(1000);
    expect(receiver.received.map((r) => r.path).sort()).toEqual(["/discord", `/hook/${HOOK_SECRET}`, "/masto/api/v1/statuses", "/slack"]);
  }, 30_000);

  it("a fresh site announces nothing of its back catalogue", async () => {
    const receiver = await startReceiver();
    stops.push(() => receiver.close());
    const schedule: Schedule = { timezone: "UTC", releases: [{ at: Date.now() - 40 * 60_000, chapters: [1, 2], line: 1 }] };
    const cacheDir = mkdtempSync(path.join(tmpdir(), "installment-cache-"));
    stops.push(
      startReleaseNotifier(fakeRuntime(storyRoot(receiver), schedule), {
        cacheDir,
        probe: async () => true,
        env: env(receiver),
        log: () => {},
        pollMs: 50,
      }),
    );
    await sleep(800);
    expect(receiver.received).toEqual([]);
  }, 30_000);
});

describe("release notifier on a simulated clock", () => {
  it("sends nothing and says so once", async () => {
    const receiver = await startReceiver();
    const root = storyRoot(receiver);
    const runtime = fakeRuntime(root, { timezone: "UTC", releases: [{ at: Date.now(), chapters: [2], line: 1 }] });
    (runtime as { clock: { kind: string } }).clock.kind = "frozen";
    const logs: Record<string, unknown>[] = [];
    const stop = startReleaseNotifier(runtime, {
      cacheDir: mkdtempSync(path.join(tmpdir(), "c-")),
      probe: async () => true,
      env: env(receiver),
      log: (e) => logs.push(e),
      pollMs: 50,
    });
    await sleep(500);
    stop();
    await receiver.close();
    expect(receiver.received).toEqual([]);
    expect(logs.map((e) => e.event)).toEqual(["notify-off"]);
    // Without notify.yaml (every demo and test site), not a word.
    const bare = fakeRuntime(mkdtempSync(path.join(tmpdir(), "installment-story-")), { timezone: "UTC", releases: [] });
    (bare as { clock: { kind: string } }).clock.kind = "replay";
    const quiet: unknown[] = [];
    startReleaseNotifier(bare, { cacheDir: mkdtempSync(path.join(tmpdir(), "c-")), log: (e) => quiet.push(e) })();
    expect(quiet).toEqual([]);
  });
});
