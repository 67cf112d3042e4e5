import { createHash } from "node:crypto";
import path from "node:path";
import { build } from "esbuild";

export interface IslandsBundle {
  /** The URL reader pages load it from, named by its content hash. */
  path: string;
  code: Buffer;
}

export const ISLANDS_PREFIX = "/_islands/";

/**
 * The one deferred script reader pages load instead of Next's client
 * runtime: components/islands/entry.ts (the island registry and its mounter)
 * bundled and minified by esbuild, once per process start. Its name is its
 * hash, so it is served immutable.
 */
export async function buildIslandsBundle(projectDir: string): Promise<IslandsBundle> {
  const result = await build({
    entryPoints: [path.join(projectDir, "components", "islands", "entry.ts")],
    bundle: true,
    minify: true,
    format: "iife",
    platform: "browser",
    target: ["es2020"],
    write: false,
    legalComments: "none",
    logLevel: "silent",
  });
  const file = result.outputFiles[0];
  if (!file) throw new Error("esbuild produced no islands bundle");
  const code = Buffer.from(file.contents);
  const hash = createHash("sha256").update(code).digest("base64url").slice(0, 16);
  return { path: `${ISLANDS_PREFIX}${hash}.js`, code };
}
