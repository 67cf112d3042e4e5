import { watch, type FSWatcher } from "node:fs";
import path from "node:path";
import { createClock } from "../clock";
import { cacheRoot, contentRoot, readEnv, type Env } from "../env";
import { cacheLayout } from "../cache-layout";
import { createCompileCache } from "../content/compile-cache";
import { loadContent, mediaRefsOf, problemsOf, type ContentSnapshot } from "../content/load-content";
import { formatDiagnostic } from "../content/format-diagnostic";
import type { MediaManifest } from "../media/types";
import { buildManifest } from "./media-manifest";
import { logJson } from "./log";
import { refuseUnacknowledgedClock } from "./simulated-clock";

export type Clock = ReturnType<typeof createClock>;
export type Mode = "production" | "preview";

/**
 * The in-process state of a running site: the clock, the compiled chapters and
 * the media manifest. Next's route code and the HTTP edge share it through
 * globalThis because Next bundles its own copy of every module.
 */
export interface Runtime {
  root: string;
  mode: Mode;
  clock: Clock;
  ready: Promise<void>;
  snapshot(): ContentSnapshot;
  media(): MediaManifest;
  /** Bumped on every reload, so caches keyed by it drop stale pages. */
  version(): number;
  reload(): Promise<void>;
  onReload(listener: () => void): () => void;
  close(): void;
}

const KEY = Symbol.for("installment.runtime");
type Holder = { [KEY]?: Runtime };

export function getRuntime(): Runtime {
  const holder = globalThis as Holder;
  holder[KEY] ??= createRuntime({ mode: readEnv().INSTALLMENT_PREVIEW === "1" ? "preview" : "production" });
  return holder[KEY];
}

export function installRuntime(runtime: Runtime): void {
  (globalThis as Holder)[KEY] = runtime;
}

export interface RuntimeOptions {
  mode: Mode;
  root?: string;
  watch?: boolean;
  /** Where content problems go, one `path:line:column  message` line each (default: stderr). */
  log?: (line: string) => void;
  /** The validated environment, read once by the caller (default: this process's). */
  env?: Env;
}

export function createRuntime(options: RuntimeOptions): Runtime {
  const env = options.env ?? readEnv();
  const root = options.root ?? contentRoot(env);
  const clock = createClock(env.RELEASE_CLOCK);
  if (options.mode === "production") refuseUnacknowledgedClock(env, clock.spec);
  const log = options.log ?? ((line: string) => process.stderr.write(line + "\n"));
  const cache = createCompileCache(cacheLayout(cacheRoot(env)).compiled);
  const mediaStore = cacheLayout(cacheRoot(env)).media;
  let current: ContentSnapshot = {
    root,
    story: null,
    chapters: [],
    schedule: null,
    diagnostics: [],
    kept: [],
    stats: { compiled: 0, cached: 0 },
  };
  let manifest: MediaManifest = {};
  let version = 0;
  const listeners = new Set<() => void>();
  let loading: Promise<void> | null = null;
  let again = false;

  const load = async () => {
    // A live site keeps serving the last good story, schedule and chapters
    // through an edit with errors; a preview shows the errors in place.
    const next = await loadContent(root, { cache, lastGood: options.mode === "production" ? current : null });
    const media = await buildManifest(mediaRefsOf(next.chapters), mediaStore, env);
    current = next;
    manifest = media.manifest;
    version++;
    // Logged once the new state is what every request sees, so whoever reads
    // the log (an editor, a test) finds the dashboard already saying the same.
    for (const d of problemsOf(next)) log(formatDiagnostic(d, path.dirname(root)));
    if (next.kept.length > 0)
      log(`[installment] readers are served the last good version of ${next.kept.join(", ")} until the errors above are fixed`);
    for (const w of media.warnings) logJson({ event: "media-warning", file: w.file, message: w.message });
    for (const l of listeners) l();
  };

  const reload = async (): Promise<void> => {
    if (loading) {
      again = true;
      return loading;
    }
    loading = (async () => {
      do {
        again = false;
        await load();
      } while (again);
    })().finally(() => {
      loading = null;
    });
    return loading;
  };

  let watcher: FSWatcher | null = null;
  if (options.watch) {
    let timer: NodeJS.Timeout | null = null;
    try {
      watcher = watch(root, { recursive: true }, () => {
        if (timer) clearTimeout(timer);
        timer = setTimeout(() => void reload().catch((e) => logJson({ event: "reload-failed", error: String(e) })), 120);
      });
    } catch {
      watcher = null;
    }
  }

  return {
    root,
    mode: options.mode,
    clock,
    ready: reload(),
    snapshot: () => current,
    media: () => manifest,
    version: () => version,
    reload,
    onReload(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close() {
      watcher?.close();
    },
  };
}
