import path from "node:path";
import { cacheRoot, notifyVariables, type EnvSource } from "../../lib/env";
import { getRuntime } from "../../lib/server/runtime";
import { formatDiagnostic } from "../../lib/content/format-diagnostic";
import { resolveEndpoints } from "../../lib/notify/notify-config";
import { loadNotifyFile } from "../../lib/server/notify-config-file";
import { openOutbox, outboxDir, outboxSummary } from "../../lib/server/notify-outbox";

export interface NotifyPanelData {
  configured: boolean;
  endpoints: string[];
  /** notify.yaml errors (path:line:column) and unset variables, by name only. */
  problems: string[];
  releases: { when: string; sent: number; pending: number; failed: number; details: string[] }[];
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

/** What the dashboard shows of release notifications: the endpoints, their problems and the outbox per release (newest first). */
export function notifyPanelData(root: string, cacheDir: string, env: EnvSource = notifyVariables()): NotifyPanelData {
  const loaded = loadNotifyFile(root);
  const problems = loaded.diagnostics.map((d) => formatDiagnostic(d, path.dirname(root)));
  if (loaded.config) problems.push(...resolveEndpoints(loaded.config, env).problems);
  const entries = openOutbox(outboxDir(cacheDir, root)).entries(Date.now());
  const lastError = new Map(entries.map((e) => [`${e.key}/${e.endpoint}`, e.lastError]));
  return {
    configured: loaded.config !== null || loaded.diagnostics.length > 0,
    endpoints: loaded.config?.endpoints.map((e) => `${e.name} (${e.kind})`) ?? [],
    problems,
    releases: outboxSummary(entries)
      .slice(0, 20)
      .map((r) => ({
        when: r.key.replace(/T(\d\d)-(\d\d)-\d\d\.\d+Z$/, " $1:$2 UTC"),
        sent: r.sent,
        pending: r.pending,
        failed: r.failed,
        details: r.endpoints.map((e) => {
          const error = lastError.get(`${r.key}/${e.name}`);
          const why = error ? ` (${error})` : "";
          if (e.status === "sent") return `${e.name}: sent${e.attempts > 1 ? ` on attempt ${e.attempts}` : ""}`;
          if (e.status === "failed") return `${e.name}: failed after ${plural(e.attempts, "attempt")}${why}`;
          return `${e.name}: pending, ${plural(e.attempts, "attempt")} so far${why}`;
        }),
      })),
  };
}

/** The panel for the running site (its content root and cache folder). */
export function currentNotifyPanel(): NotifyPanelData {
  return notifyPanelData(getRuntime().root, cacheRoot());
}
