// `npm run schedule -- notify --dry-run --at <instant>`: the messages the
// running site would send for the release at that instant, per endpoint of
// notify.yaml, as JSON. Nothing is sent; no secret is read or printed.

import path from "node:path";
import { Temporal } from "temporal-polyfill";
import { cacheLayout } from "../../lib/cache-layout";
import { cacheRoot, readEnv } from "../../lib/env";
import { createCompileCache } from "../../lib/content/compile-cache";
import { formatDiagnostic } from "../../lib/content/format-diagnostic";
import { loadContent, problemsOf } from "../../lib/content/load-content";
import { describeTarget } from "../../lib/notify/notify-config";
import { buildPayload } from "../../lib/notify/payloads";
import { releaseMessage } from "../../lib/notify/release-message";
import { formatWallTime } from "../../lib/schedule/format";
import { resolveAt } from "../../lib/schedule/wall-time";
import { loadNotifyFile } from "../../lib/server/notify-config-file";
import { siteView } from "../../lib/site/visibility";
import { chaptersDir, CliError, UsageError } from "./cli";

function instant(text: string, zone: string): number {
  const r = resolveAt(text, zone);
  if (r.ok) return r.at;
  try {
    return Temporal.Instant.from(text).epochMilliseconds;
  } catch {
    throw new UsageError(`--at "${text}" is not a wall time in ${zone} (like 2027-07-05T09:00) or an instant with an offset or Z`);
  }
}

/** Errors are thrown for the CLI helper to print: UsageError (exit 2) for the command line, CliError (exit 1) for bad content. */
export async function notifyDryRun(opts: { chapters?: string; at?: string; dryRun?: boolean }): Promise<void> {
  if (!opts.dryRun)
    throw new UsageError("notify only shows what would be sent: add --dry-run (npm start sends the messages at each release)");
  if (opts.at === undefined) throw new UsageError("notify --dry-run needs --at <instant>");
  const env = readEnv();
  const root = chaptersDir(opts.chapters, env);
  const rel = (p: string) => path.relative(process.cwd(), p) || ".";
  const snapshot = await loadContent(root, { cache: createCompileCache(cacheLayout(cacheRoot(env)).compiled) });
  const zone = snapshot.schedule?.timezone ?? "UTC";
  const at = instant(opts.at, zone);
  const notify = loadNotifyFile(root);
  // A chapter with errors is left out of the message, as the site leaves it out of the feeds; notify.yaml must be valid.
  for (const d of [...problemsOf(snapshot), ...notify.diagnostics]) process.stderr.write(formatDiagnostic(d, path.dirname(root)) + "\n");
  if (notify.diagnostics.length > 0)
    throw new CliError(`${notify.diagnostics.length} error${notify.diagnostics.length === 1 ? "" : "s"} in ${rel(notify.file)}`);
  if (!snapshot.story) throw new CliError(`${rel(root)}: no valid story.yaml`);
  if (!notify.config) throw new CliError(`${rel(notify.file)} does not exist: no release is announced`);
  const when = formatWallTime(at, zone);
  const release = snapshot.schedule?.releases.find((r) => r.at === at);
  const view = siteView(snapshot, at, "reader");
  const message = release && view ? releaseMessage(view, at) : null;
  if (!release || !message) {
    const reason = release ? "no chapter a reader can open comes out then" : "no release is scheduled at that instant";
    process.stdout.write(`No release at ${when} (${zone}): ${reason}. Nothing would be sent.\n`);
    return;
  }
  const out = [
    `Release at ${when} (${zone}): chapter${message.chapters.length > 1 ? "s" : ""} ${message.chapters.map((c) => c.number).join(", ")}\n`,
  ];
  for (const e of notify.config.endpoints) {
    out.push(`\n# ${e.name} (${e.kind}) POST ${describeTarget(e)}\n`, JSON.stringify(buildPayload(e, message), null, 2), "\n");
  }
  out.push(`\nNothing sent (dry run).\n`);
  process.stdout.write(out.join(""));
}
