// The sample story's GIFs and stills are generated, never committed. The
// generator runs as its own process (its CLI) so that the site's process never
// loads it: `npm start` serves, it does not draw.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { projectDir } from "./project-dir";

/** Makes the sample media missing under `root`, printing what it made; throws when the generator fails. */
export function makeMissingSampleMedia(root: string): void {
  const tsx = path.join(projectDir, "node_modules", "tsx", "dist", "cli.mjs");
  const cli = path.join(projectDir, "scripts", "sample-media", "cli.ts");
  const r = spawnSync(process.execPath, [tsx, cli, "--chapters", root, "--quiet"], {
    cwd: projectDir,
    stdio: ["ignore", "inherit", "inherit"],
  });
  if (r.status !== 0)
    throw new Error(`the sample media could not be made (scripts/sample-media/cli.ts exited with ${r.status ?? r.signal})`);
}
