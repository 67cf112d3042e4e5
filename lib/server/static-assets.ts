import { existsSync, readdirSync } from "node:fs";
import path from "node:path";

/**
 * The URL paths (`/_next/static/…`) of a production build's static files,
 * listed once at start: the build never changes under a running server, so
 * a request for any other `/_next/` path is a 404 without asking Next.
 */
export function listStaticAssets(projectDir: string): Set<string> {
  const root = path.join(projectDir, ".next", "static");
  const out = new Set<string>();
  const walk = (dir: string, prefix: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      if (e.isDirectory()) walk(path.join(dir, e.name), `${prefix}${e.name}/`);
      else if (e.isFile()) out.add(`${prefix}${e.name}`);
    }
  };
  if (existsSync(root)) walk(root, "/_next/static/");
  return out;
}
