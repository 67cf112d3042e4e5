/**
 * A commander message as the one line a CLI prints on stderr: `name: message`,
 * without commander's "error: " prefix or its line breaks.
 */
export function oneLineError(name: string, message: string): string {
  const text = message
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean)
    .join(" ")
    .replace(/^error: /, "");
  return `${name}: ${text}\n`;
}
