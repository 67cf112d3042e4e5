/** Bounds on a `Next-Router-State-Tree` header, far above what this site's routes produce. */
const MAX_TREE_HEADER = 4096;
const MAX_NODES = 64;
const MAX_DEPTH = 12;
const MAX_STRING = 512;

const PARAM_TYPES = new Set(["c", "ci(..)(..)", "ci(.)", "ci(..)", "ci(...)", "oc", "d", "di(..)(..)", "di(.)", "di(..)", "di(...)"]);
const REFRESH = new Set(["refetch", "inside-shared-layout", "metadata-only"]);

/**
 * Parses a `Next-Router-State-Tree` header into the shape Next's client sends
 * (Next's own `flightRouterStateSchema`: `[segment, {slot: tree}, url?,
 * refresh?, flags?, string?]`), bounded in size, depth and nodes; null for
 * anything else. The caller re-encodes the parsed value, so spellings of one
 * tree share a cache entry.
 */
export function parseRouterStateTree(header: string): unknown[] | null {
  if (header.length > MAX_TREE_HEADER) return null;
  let value: unknown;
  try {
    value = JSON.parse(decodeURIComponent(header));
  } catch {
    return null;
  }
  const budget = { nodes: 0 };
  return isTree(value, 0, budget) ? value : null;
}

const str = (v: unknown): v is string => typeof v === "string" && v.length <= MAX_STRING;
const nullable = (v: unknown, ok: (x: unknown) => boolean) => v === undefined || v === null || ok(v);

function isSegment(v: unknown): boolean {
  if (str(v)) return true;
  return (
    Array.isArray(v) &&
    v.length === 4 &&
    str(v[0]) &&
    str(v[1]) &&
    typeof v[2] === "string" &&
    PARAM_TYPES.has(v[2]) &&
    (v[3] === null || (Array.isArray(v[3]) && v[3].length <= MAX_NODES && v[3].every(str)))
  );
}

function isTree(v: unknown, depth: number, budget: { nodes: number }): v is unknown[] {
  if (!Array.isArray(v) || v.length < 2 || v.length > 6 || depth > MAX_DEPTH || ++budget.nodes > MAX_NODES) return false;
  const [segment, slots, url, refresh, flags, extra] = v as unknown[];
  if (!isSegment(segment)) return false;
  if (typeof slots !== "object" || slots === null || Array.isArray(slots)) return false;
  for (const [slot, child] of Object.entries(slots)) if (slot.length > MAX_STRING || !isTree(child, depth + 1, budget)) return false;
  if (!nullable(url, (u) => Array.isArray(u) && u.length === 2 && str(u[0]) && str(u[1]))) return false;
  if (!nullable(refresh, (r) => typeof r === "string" && REFRESH.has(r))) return false;
  if (!nullable(flags, (f) => typeof f === "number" && Number.isFinite(f))) return false;
  return extra === undefined || str(extra);
}
