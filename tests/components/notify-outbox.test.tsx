import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { NotifyOutbox } from "../../components/editor/NotifyOutbox";
import { notifyPanelData } from "../../components/editor/notify-data";
import { openOutbox, outboxDir } from "../../lib/server/notify-outbox";

describe("dashboard outbox panel", () => {
  it("lists each release with its sent, pending and failed endpoints, and names a missing variable (never a value)", () => {
    const root = mkdtempSync(path.join(tmpdir(), "installment-story-"));
    const cacheDir = mkdtempSync(path.join(tmpdir(), "installment-cache-"));
    writeFileSync(
      path.join(root, "notify.yaml"),
      "endpoints:\n  - name: hook\n    kind: webhook\n    urlEnv: PANEL_HOOK_URL\n  - name: toot\n    kind: mastodon\n    instance: https://m.example\n    tokenEnv: PANEL_TOKEN\n",
    );
    const o = openOutbox(outboxDir(cacheDir, root));
    const key = "2027-01-01T09-00-00.000Z";
    o.enqueue(key, "hook", {});
    o.claim(key, "hook", 1, 0);
    o.record(key, "hook", 1, { ok: true, at: 1 });
    o.enqueue(key, "toot", {});
    o.claim(key, "toot", 1, 0);
    o.record(key, "toot", 1, { ok: false, error: "HTTP 500", at: 1, nextAt: null });
    const html = renderToStaticMarkup(
      <NotifyOutbox data={notifyPanelData(root, cacheDir, { PANEL_HOOK_URL: "https://h.example/secret-path" })} />,
    );
    expect(html).toContain("Release notifications");
    expect(html).toContain("2027-01-01 09:00 UTC");
    expect(html).toMatch(/<td[^>]*>1<\/td><td[^>]*>0<\/td><td[^>]*>1<\/td>/);
    expect(html).toContain("toot: failed after 1 attempt (HTTP 500)");
    expect(html).toContain("PANEL_TOKEN is not set");
    expect(html).not.toContain("secret-path");
  });

  it("says when there is no notify.yaml", () => {
    const root = mkdtempSync(path.join(tmpdir(), "installment-story-"));
    const html = renderToStaticMarkup(<NotifyOutbox data={notifyPanelData(root, mkdtempSync(path.join(tmpdir(), "c-")), {})} />);
    expect(html).toContain("No notify.yaml");
  });
});
