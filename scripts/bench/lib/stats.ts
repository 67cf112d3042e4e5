// Pure helpers shared by the benches: statistics, formatting, markdown tables.
// Benches print figures beside their goal; nothing here touches the machine.

/** Median of a list (mean of the two middle values for an even count); NaN when empty. */
export function median(values: readonly number[]): number {
  const xs = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (xs.length === 0) return NaN;
  const mid = xs.length >> 1;
  return xs.length % 2 ? xs[mid]! : (xs[mid - 1]! + xs[mid]!) / 2;
}

/** Nearest-rank percentile (p in 0..100) of a list; NaN when empty. */
export function percentile(values: readonly number[], p: number): number {
  const xs = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (xs.length === 0) return NaN;
  const rank = Math.ceil((Math.min(100, Math.max(0, p)) / 100) * xs.length);
  return xs[Math.min(xs.length - 1, Math.max(0, rank - 1))]!;
}

/** Bytes as B, KB or MB (1 KB = 1024 B), e.g. "27.3 KB". */
export function fmtBytes(n: number): string {
  if (!Number.isFinite(n)) return "n/a";
  if (n < 1024) return `${Math.round(n)} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1024 / 1024).toFixed(2)} MB`;
}

export function fmtMs(n: number): string {
  if (!Number.isFinite(n)) return "n/a";
  if (n >= 10_000) return `${(n / 1000).toFixed(1)} s`;
  if (n >= 1000) return `${(n / 1000).toFixed(2)} s`;
  return `${n < 10 ? n.toFixed(1) : Math.round(n)} ms`;
}

/** a / b as "×0.25"; "n/a" when b is 0 or either is not a number. */
export function fmtRatio(a: number, b: number, digits = 2): string {
  if (!Number.isFinite(a) || !Number.isFinite(b) || b === 0) return "n/a";
  return `×${(a / b).toFixed(digits)}`;
}

export function passFail(ok: boolean | null): string {
  return ok === null ? "n/a" : ok ? "PASS" : "FAIL";
}

function cell(v: unknown): string {
  return String(v ?? "")
    .replace(/\|/g, "\\|")
    .replace(/\n/g, " ");
}

/**
 * A GitHub-flavoured markdown table. `align` per column: "l" (default) or "r",
 * as a list or a string ("llr").
 * Columns are padded so the table also reads well in a terminal.
 */
export function markdownTable(
  header: readonly string[],
  rows: readonly (readonly unknown[])[],
  align: readonly ("l" | "r")[] | string = [],
): string {
  const cells = [header.map(cell), ...rows.map((r) => header.map((_, i) => cell(r[i])))];
  const widths = header.map((_, i) => Math.max(3, ...cells.map((r) => r[i]!.length)));
  const pad = (s: string, i: number) => (align[i] === "r" ? s.padStart(widths[i]!) : s.padEnd(widths[i]!));
  const line = (r: string[]) => `| ${r.map(pad).join(" | ")} |`;
  const rule = `| ${widths.map((w, i) => (align[i] === "r" ? `${"-".repeat(w - 1)}:` : "-".repeat(w))).join(" | ")} |`;
  return [line(cells[0]!), rule, ...cells.slice(1).map(line)].join("\n");
}

/**
 * Least-squares slope exponent k of cost ≈ c · n^k, from (n, cost) points:
 * ~1 for linear growth, ~0 for constant. NaN with fewer than two distinct n.
 */
export function growthExponent(points: readonly { n: number; cost: number }[]): number {
  const ps = points.filter((p) => p.n > 0 && p.cost > 0).map((p) => ({ x: Math.log(p.n), y: Math.log(p.cost) }));
  if (new Set(ps.map((p) => p.x)).size < 2) return NaN;
  const mx = ps.reduce((s, p) => s + p.x, 0) / ps.length;
  const my = ps.reduce((s, p) => s + p.y, 0) / ps.length;
  const num = ps.reduce((s, p) => s + (p.x - mx) * (p.y - my), 0);
  const den = ps.reduce((s, p) => s + (p.x - mx) ** 2, 0);
  return num / den;
}

/** Counts occurrences of each key, sorted by key, as "200×1800, 404×3". */
export function fmtCounts(counts: ReadonlyMap<string | number, number> | Record<string, number>): string {
  const entries = counts instanceof Map ? [...counts.entries()] : Object.entries(counts);
  if (entries.length === 0) return "none";
  return entries
    .map(([k, v]) => [String(k), v] as const)
    .sort((a, b) => a[0].localeCompare(b[0]))
    .map(([k, v]) => `${k}×${v}`)
    .join(", ");
}
