import { createHash } from "node:crypto";
import { existsSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

// Cache versions derived from the code that shapes a cache's contents (as
// scripts/lib/build-stamp.ts does for the Next build), so nobody has to
// remember to bump a constant: edit a plugin or an encoder setting and every
// entry made by the old code is simply never looked up again.

/** `import … from "x"` and `export … from "x"`; `import type` shapes no output and is skipped. */
const IMPORT = /^\s*(?:import|export)\s+(type\s+)?(?:[^;"']*?\s+from\s+)?["']([^"']+)["']/gm;

const EXTENSIONS = ["", ".ts", ".tsx", "/index.ts", "/index.tsx"];

function importsOf(text: string): { local: string[]; packages: string[] } {
  const local: string[] = [];
  const packages: string[] = [];
  for (const m of text.matchAll(IMPORT)) {
    if (m[1]) continue;
    const spec = m[2]!;
    if (spec.startsWith(".")) local.push(spec);
    else if (!spec.startsWith("node:")) packages.push(spec.startsWith("@") ? spec.split("/").slice(0, 2).join("/") : spec.split("/")[0]!);
  }
  return { local, packages };
}

function resolveLocal(from: string, spec: string): string | null {
  const base = path.resolve(/*turbopackIgnore: true*/ path.dirname(from), spec);
  for (const ext of EXTENSIONS) {
    const candidate = base + ext;
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return null;
}

/** `entries` and every module they import at run time through relative paths, transitively, sorted. */
export function moduleGraph(entries: readonly string[]): string[] {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const spec of importsOf(readFileSync(file, "utf8")).local) {
      const next = resolveLocal(file, spec);
      if (next) visit(next);
    }
  };
  for (const e of entries) visit(path.resolve(e));
  return [...seen].sort();
}

/** The installed version of `name`, found the way Node finds it: in the nearest node_modules above `from`. */
function packageVersion(name: string, from: string): string {
  for (let dir = path.dirname(from); ; dir = path.dirname(dir)) {
    const manifest = path.join(/*turbopackIgnore: true*/ dir, "node_modules", name, "package.json");
    if (existsSync(manifest)) return (JSON.parse(readFileSync(manifest, "utf8")) as { version?: string }).version ?? "?";
    if (path.dirname(dir) === dir) return "missing";
  }
}

/**
 * A short hash of the files' contents (named relative to `root`, so a moved
 * checkout keeps its caches) and of the versions of the packages they import.
 */
export function sourceVersion(files: readonly string[], root: string): string {
  const hash = createHash("sha256");
  const packages = new Map<string, string>();
  for (const file of [...files].sort()) {
    const text = readFileSync(file, "utf8");
    hash.update(path.relative(root, file).split(path.sep).join("/")).update("\0").update(text).update("\0");
    for (const name of importsOf(text).packages) if (!packages.has(name)) packages.set(name, packageVersion(name, file));
  }
  for (const [name, version] of [...packages].sort(([a], [b]) => (a < b ? -1 : 1))) hash.update(`${name}@${version}\0`);
  return hash.digest("hex").slice(0, 16);
}
