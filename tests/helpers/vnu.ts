import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { projectDir } from "./server";

export interface VnuMessage {
  type: string;
  subType?: string;
  message: string;
  url: string;
  lastLine?: number;
}

/** Runs the Nu HTML Checker (vnu-jar, on the system Java) over HTML documents. */
export function vnuErrors(docs: Record<string, string>): VnuMessage[] {
  const dir = mkdtempSync(path.join(tmpdir(), "installment-vnu-"));
  const files = Object.entries(docs).map(([name, html]) => {
    const file = path.join(dir, `${name.replace(/[^a-z0-9]+/gi, "_") || "index"}.html`);
    writeFileSync(file, html);
    return file;
  });
  const jar = path.join(projectDir, "node_modules/vnu-jar/build/dist/vnu.jar");
  const result = spawnSync("java", ["-jar", jar, "--format", "json", "--exit-zero-always", ...files], {
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.error) throw result.error;
  const parsed = JSON.parse(result.stderr || result.stdout || '{"messages":[]}') as { messages: VnuMessage[] };
  return parsed.messages.filter((m) => m.type === "error" || m.type === "non-document-error");
}
