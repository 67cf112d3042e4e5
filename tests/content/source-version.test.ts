import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { moduleGraph, sourceVersion } from "../../lib/source-version";
import { compilerVersion } from "../../lib/content/chapter-hash";
import { PIPELINE_SOURCES, PIPELINE_VERSION } from "../../lib/media/hash";

const project = path.resolve(import.meta.dirname, "..", "..");

/** A little compiler in a temp folder: an entry, a plugin it imports, a type-only import and an unrelated file. */
function tempCompiler(): { root: string; write: (file: string, text: string) => void; version: () => string } {
  const root = mkdtempSync(path.join(tmpdir(), "installment-source-version-"));
  const write = (file: string, text: string) => writeFileSync(path.join(root, file), text);
  write("compile.ts", 'import { plugin } from "./plugin";\nimport type { Shape } from "./shape";\nexport const run = plugin;\n');
  write("plugin.ts", 'import { visit } from "unist-util-visit";\nexport const plugin = () => "v1";\n');
  write("shape.ts", "export interface Shape { a: string }\n");
  write("unrelated.ts", "export const x = 1;\n");
  return { root, write, version: () => sourceVersion(moduleGraph([path.join(root, "compile.ts")]), root) };
}

describe("cache versions derived from the sources that shape the cache", () => {
  it("changing a plugin the compiler imports changes the version", () => {
    const c = tempCompiler();
    const before = c.version();
    expect(c.version()).toBe(before);
    c.write("plugin.ts", 'import { visit } from "unist-util-visit";\nexport const plugin = () => "v2";\n');
    expect(c.version()).not.toBe(before);
  });

  it("files the compiler does not run (unrelated, type-only imports) leave it alone", () => {
    const c = tempCompiler();
    const before = c.version();
    c.write("unrelated.ts", "export const x = 2;\n");
    c.write("shape.ts", "export interface Shape { a: number }\n");
    expect(c.version()).toBe(before);
  });

  it("follows every local import transitively, and not type-only ones", () => {
    const c = tempCompiler();
    expect(moduleGraph([path.join(c.root, "compile.ts")]).map((f) => path.basename(f))).toEqual(["compile.ts", "plugin.ts"]);
  });

  it("the chapter compiler's graph holds every plugin it runs", () => {
    const graph = moduleGraph([path.join(project, "lib/content/compile-chapter.ts")]).map((f) => path.relative(project, f));
    for (const plugin of ["remark-links", "remark-dialogue", "remark-known-components", "remark-media", "remark-typing"]) {
      expect(graph).toContain(`lib/content/plugins/${plugin}.ts`);
    }
    expect(graph).toContain("lib/content/frontmatter.ts");
    expect(compilerVersion()).toMatch(/^[0-9a-f]{16}$/);
  });

  it("the media pipeline's version is derived from its encoder, poster and still sources", () => {
    expect(PIPELINE_SOURCES.map((f) => path.relative(project, f))).toContain("lib/media/encode-video.ts");
    expect(PIPELINE_VERSION).toBe(`media-${sourceVersion(PIPELINE_SOURCES, project)}`);
  });
});
