/** One JSON object per line on stdout, so logs stay machine-readable. */
export function logJson(entry: Record<string, unknown>): void {
  process.stdout.write(JSON.stringify({ time: new Date().toISOString(), ...entry }) + "\n");
}
