import path from "node:path";
import type { Diagnostic } from "./types";

/** `path:line:column  message`, like tsc, with the path relative to `base`. */
export function formatDiagnostic(d: Diagnostic, base: string): string {
  const rel = path.relative(base, d.file) || d.file;
  const shown = rel.startsWith("..") ? d.file : rel;
  return `${shown}:${d.line}:${d.column}  ${d.severity === "warning" ? "warning: " : ""}${d.message}`;
}
