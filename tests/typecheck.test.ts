import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";

// The Next build skips type-checking to stay fast; the whole project's types
// are held here instead, so `npm test` fails on a type error anywhere.
describe("types", () => {
  it("the whole project type-checks under strict + noUncheckedIndexedAccess", () => {
    const root = path.resolve(__dirname, "..");
    const result = spawnSync(process.execPath, [path.join(root, "node_modules", "typescript", "bin", "tsc"), "--noEmit", "-p", root], {
      cwd: root,
      encoding: "utf8",
    });
    expect(result.stdout + result.stderr).toBe("");
    expect(result.status).toBe(0);
  }, 300_000);
});
