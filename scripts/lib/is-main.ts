import path from "node:path";
import { fileURLToPath } from "node:url";

/** Whether the module at `moduleUrl` is the script node was asked to run (not an import). */
export function isMain(moduleUrl: string): boolean {
  const arg = process.argv[1];
  if (!arg) return false;
  const self = fileURLToPath(moduleUrl);
  const given = path.resolve(arg);
  return given === self || given === self.replace(/\.ts$/, "");
}
