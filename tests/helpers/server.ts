import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { startSiteProcess, type SiteProcess } from "../../scripts/lib/site-process";

export const projectDir = path.resolve(__dirname, "..", "..");

export type RunningSite = SiteProcess;

export interface SiteOptions {
  chapters: string;
  clock?: string;
  editorToken?: string;
  dev?: boolean;
  /** Share a media/compile cache between runs; a fresh one by default. */
  cacheDir?: string;
  env?: Record<string, string>;
  /** Arguments for the script; with `--simulated-clock` there, a clock is acknowledged by the flag instead of the environment. */
  args?: string[];
}

/** An editor token for tests: EDITOR_TOKEN needs at least 24 characters. */
export const TEST_EDITOR_TOKEN = "test-editor-token-5d1f0c9a7e";

/** Builds the site if the code changed, then runs `npm start` (or `npm run dev`) on a free port. */
export function startSite(options: SiteOptions): Promise<RunningSite> {
  const env: Record<string, string> = { ...options.env };
  if (options.clock) {
    env.RELEASE_CLOCK = options.clock;
    // npm start refuses a simulated clock unless told it is meant.
    if (!options.args?.includes("--simulated-clock")) env.INSTALLMENT_SIMULATED_CLOCK = "1";
  }
  if (options.editorToken !== undefined) {
    if (options.editorToken.length < 24)
      throw new Error(`editorToken "${options.editorToken}" is shorter than the 24 characters EDITOR_TOKEN needs`);
    env.EDITOR_TOKEN = options.editorToken;
  }
  return startSiteProcess({
    chapters: options.chapters,
    cacheDir: options.cacheDir ?? mkdtempSync(path.join(tmpdir(), "installment-cache-")),
    script: options.dev ? path.join(projectDir, "scripts", "dev.ts") : undefined,
    env,
    args: options.args,
    log: () => {},
  });
}
