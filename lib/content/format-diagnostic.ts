import path from "node:path";
import type { Diagnostic } from "./types";

// The one way a diagnostic is written for people: `path:line:column  message`,
// like tsc, in the terminal, the server log, the dashboard and the preview.

/** `file` relative to `base` with forward slashes, or absolute when it lies outside `base`. */
export function displayPath(file: string, base: string): string {
  const rel = path.relative(base, file);
  if (rel === "" || rel.startsWith("..") || path.isAbsolute(rel)) return file;
  return rel.split(path.sep).join("/");
}

/** `path:line:column` */
export function formatPlace(d: Diagnostic, base: string): string {
  return `${displayPath(d.file, base)}:${d.line}:${d.column}`;
}

/** The message, marked when it is only a warning. */
export function formatMessage(d: Diagnostic): string {
  return `${d.severity === "warning" ? "warning: " : ""}${d.message}`;
}

/** `path:line:column  message`, with the path relative to `base`. */
export function formatDiagnostic(d: Diagnostic, base: string): string {
  return `${formatPlace(d, base)}  ${formatMessage(d)}`;
}
