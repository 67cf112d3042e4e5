import type { z } from "zod";
import type { Diagnostic } from "../content/types";
import { diagnosticAt, keyPositionAt, positionAt, type YamlFile } from "./yaml-file";

// The one mapping from a zod issue to a diagnostic: the position of the value
// (or of the unknown key) in the YAML, its path, the schema's message and the
// value the author wrote.

type Issue = z.core.$ZodIssue;

export function issueDiagnostics(yaml: YamlFile, data: unknown, schema: z.ZodType, issues: readonly Issue[]): Diagnostic[] {
  return issues.flatMap((issue): Diagnostic[] => {
    if (issue.code === "unrecognized_keys") {
      const allowed = objectKeysAt(schema, issue.path);
      const where = issue.path.length ? ` in ${pathText(issue.path)}` : "";
      const hint = allowed ? `; allowed: ${allowed.join(", ")}` : "";
      return issue.keys.map((key) => diagnosticAt(yaml, keyPositionAt(yaml, issue.path, key), `unknown key "${key}"${where}${hint}`));
    }
    const label = issue.path.length ? `${pathText(issue.path)}: ` : "";
    const value = valueAt(data, issue.path);
    const missing = value === undefined && issue.code === "invalid_type";
    // zod's own words for a missing value ("Invalid input: expected string, received undefined") say less than "missing".
    if (missing && issue.message.startsWith("Invalid input")) return [diagnosticAt(yaml, positionAt(yaml, issue.path), `${label}missing`)];
    const shown = missing ? " (missing)" : isScalar(value) ? ` (got ${quoteValue(value)})` : "";
    return [diagnosticAt(yaml, positionAt(yaml, issue.path), `${label}${issue.message}${shown}`)];
  });
}

/** `cast.ten.color`, `releases[0].at`: the path as an author finds it in the file. */
function pathText(path: readonly PropertyKey[]): string {
  let s = "";
  for (const k of path) s += typeof k === "number" ? `[${k}]` : s ? `.${String(k)}` : String(k);
  return s;
}

/** The value as YAML data, cut short so one long line does not bury the message. */
function quoteValue(value: unknown): string {
  const json = JSON.stringify(value);
  return json.length <= 60 ? json : `${json.slice(0, 56)}…${json.slice(-1)}`;
}

function isScalar(value: unknown): boolean {
  return value === null || ["string", "number", "boolean"].includes(typeof value);
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let v: unknown = data;
  for (const k of path) {
    if (typeof v !== "object" || v === null) return undefined;
    v = (v as Record<PropertyKey, unknown>)[k];
  }
  return v;
}

interface Def {
  type: string;
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  innerType?: z.ZodType;
  valueType?: z.ZodType;
  in?: z.ZodType;
  options?: z.ZodType[];
}

const defOf = (schema: z.ZodType): Def => schema._zod.def as unknown as Def;

/** The keys the object schema at `path` accepts, read from the schema itself so the message never goes stale. */
function objectKeysAt(schema: z.ZodType, path: readonly PropertyKey[]): string[] | null {
  let node: z.ZodType | undefined = schema;
  let i = 0;
  while (node) {
    const def = defOf(node);
    const next = def.innerType ?? def.in;
    if (next) {
      node = next;
      continue;
    }
    if (def.type === "union") {
      // Only an unambiguous union (one object among its options) names its keys.
      const objects = (def.options ?? []).filter((o) => objectKeysAt(o, path.slice(i)) !== null);
      return objects.length === 1 ? objectKeysAt(objects[0]!, path.slice(i)) : null;
    }
    if (i === path.length) return def.type === "object" && def.shape ? Object.keys(def.shape) : null;
    const key = path[i++]!;
    if (def.type === "object") node = def.shape?.[String(key)];
    else if (def.type === "array") node = def.element;
    else if (def.type === "record") node = def.valueType;
    else return null;
  }
  return null;
}
