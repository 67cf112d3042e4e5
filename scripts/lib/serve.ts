import path from "node:path";
import { fileURLToPath } from "node:url";
import { cacheRoot, readEnv, type Env } from "../../lib/env";
import { openSharedReleaseJournal } from "../../lib/server/shared-release-journal";
import { createRuntime, installRuntime } from "../../lib/server/runtime";
import { startServer } from "../../lib/server/http-server";
import { startReleaseScheduler } from "../../lib/server/release-scheduler";
import { startReleaseNotifier } from "../../lib/server/release-notifier";
import { refuseUnacknowledgedClock } from "../../lib/server/simulated-clock";
import { parseClockSpec } from "../../lib/schedule/clock-spec";
import { ensureNextBuild } from "./next-build";
import { chaptersDir } from "./cli";
import { makeMissingSampleMedia } from "./sample-media-child";
import { purgeOnReload } from "../../lib/server/shared-cache-purge";

export const projectDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");

/**
 * `npm start` (dev = false) and `npm run dev` (dev = true) share this. `env`
 * is the validated environment, as the command line may have amended it
 * (`--simulated-clock`); default: this process's.
 */
export async function serve({ dev, env = readEnv() }: { dev: boolean; env?: Env }): Promise<void> {
  // Before any build or load, so a forgotten RELEASE_CLOCK stops at once (createRuntime checks again).
  if (!dev) refuseUnacknowledgedClock(env, parseClockSpec(env.RELEASE_CLOCK));
  const root = chaptersDir(undefined, env);
  if (path.resolve(root) === path.join(projectDir, "chapters")) makeMissingSampleMedia(root);
  if (!dev) ensureNextBuild(projectDir);
  if (dev) process.env.INSTALLMENT_PREVIEW = "1";

  const runtime = createRuntime({ mode: dev ? "preview" : "production", root, watch: true, env });
  installRuntime(runtime);
  const started = Date.now();
  await runtime.ready;
  // The runtime has printed every problem of the content as `path:line:column  message`.
  const snap = runtime.snapshot();
  console.log(
    `[installment] ${snap.chapters.filter((c) => c.ok).length}/${snap.chapters.length} chapters ready from ${path.relative(process.cwd(), root) || "."} ` +
      `(${snap.stats.compiled} compiled, ${snap.stats.cached} from cache) in ${Date.now() - started} ms`,
  );
  if (runtime.clock.kind !== "real") console.log(`[installment] clock: ${runtime.clock.describe()}`);

  const port = env.PORT ?? 3000;
  // The preview shows drafts and upcoming chapters: only this machine may see it.
  const hostname = env.HOST ?? (dev ? "127.0.0.1" : undefined);
  const edge = await startServer({ runtime, dev, port, hostname, projectDir, env });
  if (!dev) purgeOnReload(runtime, env.INSTALLMENT_PURGE_URL ?? []);
  // Only a live timeline keeps a journal across restarts: a preview or a
  // replay (npm run demo) announces its releases afresh each time.
  const persistent = !dev && runtime.clock.kind !== "replay";
  startReleaseScheduler(runtime, {
    warm: dev ? undefined : (at) => edge.warm(at),
    journal: persistent ? openSharedReleaseJournal(cacheRoot(env), root) : undefined,
  });
  // Release notifications (notify.yaml): npm start only, after each release is live on this edge.
  if (!dev) startReleaseNotifier(runtime, { cacheDir: cacheRoot(env), edge });
  console.log(
    `[installment] ${dev ? "preview" : "site"} at http://localhost:${port} (listening on ${hostname ? `${hostname}:${port}` : `every interface, port ${port}`})`,
  );
}
