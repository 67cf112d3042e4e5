import { describe, expect, it } from "vitest";
import { parseNotifyConfig, resolveEndpoints } from "../../lib/notify/notify-config";

const FILE = "/story/notify.yaml";

describe("notify.yaml", () => {
  it("reads the four kinds of endpoint with their defaults", () => {
    const text = [
      "endpoints:",
      "  - name: hook",
      "    kind: webhook",
      "    url: https://example.com/hook",
      "  - name: discord",
      "    kind: discord",
      "    urlEnv: DISCORD_WEBHOOK_URL",
      "  - name: slack",
      "    kind: slack",
      "    urlEnv: SLACK_WEBHOOK_URL",
      "  - name: toot",
      "    kind: mastodon",
      "    instance: https://mastodon.example/",
      "    tokenEnv: MASTODON_TOKEN",
      "",
    ].join("\n");
    const { config, diagnostics } = parseNotifyConfig(text, FILE);
    expect(diagnostics).toEqual([]);
    expect(config!.endpoints.map((e) => e.kind)).toEqual(["webhook", "discord", "slack", "mastodon"]);
    expect(config!.catchUpMinutes).toBe(30);
    expect(config!.timeoutSeconds).toBe(10);
    expect(config!.retry).toEqual({ attempts: 8, firstDelaySeconds: 5, maxDelaySeconds: 600 });
  });

  it("names file:line:column and the offending value for a bad field", () => {
    const text = ["endpoints:", "  - name: toot", "    kind: mastodon", "    instance: not a url", "    tokenEnv: MASTODON_TOKEN", ""].join(
      "\n",
    );
    const { config, diagnostics } = parseNotifyConfig(text, FILE);
    expect(config).toBeNull();
    expect(diagnostics[0]).toMatchObject({ file: FILE, line: 4, column: 15 });
    expect(diagnostics[0]!.message).toContain("endpoints[0].instance");
    expect(diagnostics[0]!.message).toContain('"not a url"');
  });

  it("refuses an unknown kind, both url and urlEnv, duplicate names and a secret written in the file", () => {
    const bad = (body: string) =>
      parseNotifyConfig(`endpoints:\n${body}`, FILE).diagnostics.map((d) => `${d.line}:${d.column} ${d.message}`);
    expect(bad("  - name: a\n    kind: email\n    url: https://x.example\n")[0]).toMatch(/^3:11 endpoints\[0\]\.kind/);
    expect(bad("  - name: a\n    kind: slack\n    url: https://x.example\n    urlEnv: SLACK\n")[0]).toMatch(
      /endpoints\[0\]: give url or urlEnv, not both/,
    );
    expect(bad("  - name: a\n    kind: slack\n    urlEnv: A\n  - name: a\n    kind: discord\n    urlEnv: B\n")[0]).toMatch(
      /^5:11 endpoints\[1\]\.name: "a" is used twice/,
    );
    expect(bad("  - name: a\n    kind: mastodon\n    instance: https://m.example\n    token: abc\n")).toEqual([
      "2:5 endpoints[0].tokenEnv: missing",
      '5:5 unknown key "token" in endpoints[0]',
    ]);
  });

  it("resolves secrets from the environment only, naming a missing variable but never a value", () => {
    const text =
      "endpoints:\n  - name: toot\n    kind: mastodon\n    instance: https://m.example\n    tokenEnv: MASTODON_TOKEN\n  - name: d\n    kind: discord\n    urlEnv: DISCORD_URL\n";
    const { config } = parseNotifyConfig(text, FILE);
    const missing = resolveEndpoints(config!, { DISCORD_URL: "https://discord.example/api/webhooks/1/s3cret" });
    expect(missing.problems).toEqual(["toot: the environment variable MASTODON_TOKEN is not set"]);
    expect(missing.endpoints.map((e) => e.name)).toEqual(["d"]);
    expect(missing.endpoints[0]!.url).toBe("https://discord.example/api/webhooks/1/s3cret");
    expect(missing.endpoints[0]!.secrets).toContain("https://discord.example/api/webhooks/1/s3cret");
    const ok = resolveEndpoints(config!, { MASTODON_TOKEN: "tok-123", DISCORD_URL: "https://discord.example/x" });
    const toot = ok.endpoints.find((e) => e.name === "toot")!;
    expect(toot.url).toBe("https://m.example/api/v1/statuses");
    expect(toot.headers.authorization).toBe("Bearer tok-123");
    expect(toot.secrets).toContain("tok-123");
  });
});
