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
}

/** Builds the site if the code changed, then runs `npm start` (or `npm run dev`) on a free port. */
export function startSite(options: SiteOptions): Promise<RunningSite> {
  const env: Record<string, string> = { ...options.env };
  if (options.clock) env.RELEASE_CLOCK = options.clock;
  if (options.editorToken) env.EDITOR_TOKEN = options.editorToken;
  return startSiteProcess({
    chapters: options.chapters,
    cacheDir: options.cacheDir ?? mkdtempSync(path.join(tmpdir(), "installment-cache-")),
    script: options.dev ? path.join(projectDir, "scripts", "dev.ts") : undefined,
    env,
    log: () => {},
  });
}
