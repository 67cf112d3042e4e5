import path from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { describe, expect, it } from "vitest";

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

/** Every project file `entry` can load, static and dynamic imports alike (packages left out). */
async function projectFilesLoadedBy(entry: string): Promise<string[]> {
  const result = await build({
    entryPoints: [path.join(repo, entry)],
    absWorkingDir: repo,
    bundle: true,
    write: false,
    metafile: true,
    platform: "node",
    format: "esm",
    packages: "external",
    logLevel: "silent",
  });
  return Object.keys(result.metafile.inputs);
}

describe("npm start", () => {
  it("never loads the sample-media generator into the site's process", async () => {
    const files = await projectFilesLoadedBy("scripts/start.ts");
    expect(files).toContain("scripts/lib/serve.ts");
    expect(files).toContain("scripts/lib/sample-media-child.ts");
    expect(files.filter((f) => f.startsWith("scripts/sample-media/") || f.includes("make-sample-media"))).toEqual([]);
  });
});
