import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { BENCHES, runBenches } from "../../scripts/bench/index";

const benchDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../scripts/bench");

async function refused(argv: string[]): Promise<{ status: number; lines: string[] }> {
  const out: string[] = [];
  const status = await runBenches(argv, (s) => out.push(s));
  return { status, lines: out.join("").split("\n").filter(Boolean) };
}

describe("npm run bench", () => {
  it("knows every bench", () => {
    expect(Object.keys(BENCHES).sort()).toEqual(["build", "burst", "epub", "js", "lighthouse", "media", "serve"]);
  });

  it("refuses an unknown bench with one line and status 2, running nothing", async () => {
    const { status, lines } = await refused(["media", "nope"]);
    expect(status).toBe(2);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^bench: .*'nope'.*media, lighthouse/);
  });

  it("refuses an unknown option or a missing value with one line and status 2", async () => {
    for (const argv of [["--bogus"], ["epub", "--chapters"]]) {
      const { status, lines } = await refused(argv);
      expect(status, argv.join(" ")).toBe(2);
      expect(lines, argv.join(" ")).toHaveLength(1);
      expect(lines[0]).toMatch(/^bench: /);
    }
  });

  it("no bench module imports the dispatcher (no import cycle)", () => {
    const modules = readdirSync(benchDir).filter((f) => f.endsWith(".ts") && f !== "index.ts");
    expect(modules.length).toBeGreaterThanOrEqual(7);
    for (const file of modules) {
      const text = readFileSync(path.join(benchDir, file), "utf8");
      expect(text, file).not.toMatch(/from "\.\/(index|bench)"/);
    }
  });
});
