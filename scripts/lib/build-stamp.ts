import { createHash } from "node:crypto";
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";

// The Next build holds code only (pages render chapters from the in-process
// store at request time), so a build is current while the code is unchanged,
// whatever content root it serves.
const SOURCES = ["app", "components", "lib", "next.config.mjs", "package-lock.json", "tsconfig.json"];

export function codeHash(projectDir: string): string {
  const hash = createHash("sha256");
  const walk = (p: string) => {
    if (!existsSync(p)) return;
    const st = statSync(p);
    if (st.isDirectory()) {
      for (const e of readdirSync(p).sort()) walk(path.join(p, e));
    } else {
      hash.update(path.relative(projectDir, p)).update("\0").update(readFileSync(p)).update("\0");
    }
  };
  for (const s of SOURCES) walk(path.join(projectDir, s));
  return hash.digest("hex").slice(0, 24);
}

const stampFile = (projectDir: string) => path.join(projectDir, ".next", "installment-build.json");

export function buildIsCurrent(projectDir: string): boolean {
  const file = stampFile(projectDir);
  if (!existsSync(file) || !existsSync(path.join(projectDir, ".next", "BUILD_ID"))) return false;
  try {
    return (JSON.parse(readFileSync(file, "utf8")) as { code?: string }).code === codeHash(projectDir);
  } catch {
    return false;
  }
}

export function writeBuildStamp(projectDir: string, code: string = codeHash(projectDir)): void {
  writeFileSync(stampFile(projectDir), JSON.stringify({ code }));
}
