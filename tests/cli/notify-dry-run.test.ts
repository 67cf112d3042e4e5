import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { makeGif, makePng } from "../helpers/fixture-media";

const REPO = path.resolve(__dirname, "../..");

function run(args: string[], env: Record<string, string | undefined> = {}) {
  const r = spawnSync("npx", ["tsx", "scripts/schedule.ts", ...args], {
    cwd: REPO,
    encoding: "utf8",
    env: { ...process.env, RELEASE_CLOCK: undefined, CHAPTERS_DIR: undefined, npm_config_loglevel: "error", ...env },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

async function story(): Promise<string> {
  const root = path.join(mkdtempSync(path.join(os.tmpdir(), "installment-notify-cli-")), "chapters");
  cpSync(path.join(REPO, "tests/fixtures/embargo-story"), root, { recursive: true });
  makeGif(path.join(root, "01-dawn/media/dawn.gif"));
  makeGif(path.join(root, "03-zenith-secret/media/zenith.gif"), { hue: 90 });
  await makePng(path.join(root, "03-zenith-secret/media/zenith-cover.png"));
  writeFileSync(
    path.join(root, "notify.yaml"),
    "endpoints:\n  - name: hook\n    kind: webhook\n    urlEnv: DRY_HOOK_URL\n  - name: toot\n    kind: mastodon\n    instance: https://m.example\n    tokenEnv: DRY_TOKEN\n",
  );
  return root;
}

describe("npm run schedule -- notify --dry-run", () => {
  let root = "";
  beforeAll(async () => {
    root = await story();
  });
  const cache = mkdtempSync(path.join(os.tmpdir(), "installment-cache-"));

  it("prints each endpoint's payload for the release at that instant, without secrets, and exits 0", () => {
    const r = run(["notify", "--dry-run", "--at", "2026-07-05T09:00", "--chapters", root], {
      INSTALLMENT_CACHE_DIR: cache,
      DRY_HOOK_URL: "https://h.example/very-secret",
      DRY_TOKEN: "tok-dry-123",
    });
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Release at 2026-07-05 09:00");
    expect(r.stdout).toContain("hook (webhook) POST $DRY_HOOK_URL");
    expect(r.stdout).toContain("toot (mastodon) POST https://m.example/api/v1/statuses (token from $DRY_TOKEN)");
    const json = r.stdout
      .split("\n")
      .filter((l) => !l.startsWith("#") && !l.startsWith("Release") && !l.startsWith("Nothing"))
      .join("\n");
    expect(json).toContain('"url": "http://localhost:3000/dawn"');
    expect(json).toContain('"url": "http://localhost:3000/noon"');
    expect(r.stdout).toContain("New in Embargo Test Story:");
    expect(r.stdout).not.toContain("very-secret");
    expect(r.stdout).not.toContain("tok-dry-123");
  }, 60_000);

  it("says so when nothing is released at that instant", () => {
    const r = run(["notify", "--dry-run", "--at", "2026-07-05T10:00", "--chapters", root], { INSTALLMENT_CACHE_DIR: cache });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("No release at 2026-07-05 10:00");
  }, 60_000);

  it("a bad instant exits 2 naming it; without --dry-run exits 2", () => {
    const bad = run(["notify", "--dry-run", "--at", "tomorrowish", "--chapters", root]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('"tomorrowish"');
    const wet = run(["notify", "--at", "2026-07-05T09:00", "--chapters", root]);
    expect(wet.code).toBe(2);
    expect(wet.stderr).toContain("--dry-run");
  }, 60_000);
});

describe("npm run check with notify.yaml", () => {
  it("reports a bad notify.yaml as path:line:column with the value, and fails", async () => {
    const root = await story();
    writeFileSync(
      path.join(root, "notify.yaml"),
      "endpoints:\n  - name: toot\n    kind: mastodon\n    instance: https://m.example\n    tokenEnv: lower-case\n",
    );
    const r = spawnSync("npx", ["tsx", "scripts/check.ts", "--chapters", root], {
      cwd: REPO,
      encoding: "utf8",
      env: { ...process.env, npm_config_loglevel: "error" },
    });
    expect(r.status).toBe(1);
    expect(r.stdout + r.stderr).toMatch(
      /chapters\/notify\.yaml:5:15 +endpoints\[0\]\.tokenEnv: must be an environment variable name like MASTODON_TOKEN \(got "lower-case"\)/,
    );
  }, 60_000);
});
