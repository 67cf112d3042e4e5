import type { Server } from "node:http";
import path from "node:path";
import type { Runtime } from "./runtime";
import { logJson } from "./log";
import { edgeProbe } from "./edge-probe";
import { loadNotifyFile } from "./notify-config-file";
import { openOutbox, outboxDir, type Outbox } from "./notify-outbox";
import { redact, sendNotification } from "./notify-send";
import { formatDiagnostic } from "../content/format-diagnostic";
import { resolveEndpoints, type NotifyConfig, type ResolvedEndpoint } from "../notify/notify-config";
import { buildPayload } from "../notify/payloads";
import { dueReleases, releaseKey, releaseMessage } from "../notify/release-message";
import { siteView } from "../site/visibility";
import { notifyVariables } from "../env";

export interface NotifierOptions {
  cacheDir: string;
  /** The running edge: a release is announced only once its pages answer 200 there. */
  edge?: { server: Server };
  /** Overrides the edge check (tests). */
  probe?: (paths: string[]) => Promise<boolean>;
  env?: Readonly<Record<string, string | undefined>>;
  log?: (entry: Record<string, unknown>) => void;
  pollMs?: number;
}

/** Outbox entries older than this are left alone: a message a day late is not news. */
const HORIZON_MS = 24 * 3600_000;

/**
 * Sends one message per release instant to every endpoint of notify.yaml,
 * after the release is live on the edge. Runs beside the release scheduler,
 * on its own timer: nothing here can delay a release or another endpoint.
 */
export function startReleaseNotifier(runtime: Runtime, options: NotifierOptions): () => void {
  const log = options.log ?? logJson;
  if (runtime.clock.kind !== "real") {
    if (loadNotifyFile(runtime.root).config)
      log({ event: "notify-off", reason: `a simulated clock (${runtime.clock.describe()}) never notifies` });
    return () => {};
  }
  const probe = options.probe ?? (options.edge ? edgeProbe(options.edge.server) : async () => true);
  const outbox: Outbox = openOutbox(outboxDir(options.cacheDir, runtime.root));
  let config: NotifyConfig | null = null;
  let endpoints: ResolvedEndpoint[] = [];
  let secrets: string[] = [];
  const queued = new Set<string>();
  const inFlight = new Set<string>();
  let busy = false;
  let stopped = false;

  const loadConfig = () => {
    const loaded = loadNotifyFile(runtime.root);
    for (const d of loaded.diagnostics) log({ event: "notify-config-error", problem: formatDiagnostic(d, path.dirname(runtime.root)) });
    config = loaded.config;
    if (!config) {
      endpoints = [];
      return;
    }
    const resolved = resolveEndpoints(config, options.env ?? notifyVariables());
    for (const problem of resolved.problems) log({ event: "notify-config-error", problem });
    endpoints = resolved.endpoints;
    secrets = endpoints.flatMap((e) => e.secrets);
    queued.clear();
  };

  const enqueueDue = async (now: number) => {
    if (!config) return;
    const snapshot = runtime.snapshot();
    for (const r of dueReleases(snapshot.schedule, now, config.catchUpMinutes * 60_000)) {
      const key = releaseKey(r.at);
      if (queued.has(key)) continue;
      const missing = endpoints.filter((e) => !outbox.has(key, e.name));
      const view = missing.length > 0 ? siteView(snapshot, r.at, "reader") : null;
      const message = view ? releaseMessage(view, r.at) : null;
      if (!view || !message) {
        queued.add(key);
        continue;
      }
      const paths = view.chapters.filter((c) => c.releasedAt === r.at).map((c) => `/${c.slug}`);
      if (!(await probe(paths))) continue; // not live yet: the next tick asks again
      for (const e of missing) {
        if (outbox.enqueue(key, e.name, buildPayload(e.config, message)))
          log({ event: "notify-queued", release: new Date(r.at).toISOString(), endpoint: e.name });
      }
      queued.add(key);
    }
  };

  const pump = (now: number) => {
    if (!config) return;
    const { retry, timeoutSeconds } = config;
    for (const entry of outbox.entries(now, now - HORIZON_MS)) {
      const id = `${entry.key}/${entry.endpoint}`;
      if (entry.status !== "pending" || entry.nextAttemptAt === null || entry.nextAttemptAt > now || inFlight.has(id)) continue;
      const endpoint = endpoints.find((e) => e.name === entry.endpoint);
      if (!endpoint) continue;
      const n = entry.attempts + 1;
      if (n > retry.attempts) {
        outbox.record(entry.key, entry.endpoint, entry.attempts, { ok: false, error: "no answer recorded", at: now, nextAt: null });
        continue;
      }
      if (!outbox.claim(entry.key, entry.endpoint, n, now)) continue;
      inFlight.add(id);
      const idempotencyKey = `installment-${entry.key}-${entry.endpoint}`;
      void sendNotification(endpoint, entry.body, idempotencyKey, timeoutSeconds * 1000)
        .then((result) => {
          const at = runtime.clock.now();
          const base = { release: entry.key, endpoint: entry.endpoint, attempt: n };
          if (result.ok) {
            outbox.record(entry.key, entry.endpoint, n, { ok: true, at });
            log({ event: "notify-sent", ...base, status: result.status });
            return;
          }
          const delay = Math.min(retry.maxDelaySeconds, retry.firstDelaySeconds * 2 ** (n - 1)) * 1000;
          const nextAt = n < retry.attempts ? at + delay : null;
          const error = redact(result.error, secrets);
          outbox.record(entry.key, entry.endpoint, n, { ok: false, error, at, nextAt });
          log({
            event: "notify-failed",
            ...base,
            error,
            ...(nextAt === null ? { gaveUp: true } : { retryAt: new Date(nextAt).toISOString() }),
          });
        })
        .catch((error: unknown) => log({ event: "notify-error", endpoint: entry.endpoint, error: redact(String(error), secrets) }))
        .finally(() => inFlight.delete(id));
    }
  };

  const tick = async () => {
    if (busy || stopped) return;
    busy = true;
    try {
      await enqueueDue(runtime.clock.now());
      pump(runtime.clock.now());
    } catch (error) {
      log({ event: "notify-error", error: redact(String(error), secrets) });
    } finally {
      busy = false;
    }
  };

  loadConfig();
  const off = runtime.onReload(() => {
    loadConfig();
    void tick();
  });
  const timer = setInterval(() => void tick(), options.pollMs ?? 500);
  timer.unref();
  void tick();
  return () => {
    stopped = true;
    off();
    clearInterval(timer);
  };
}
