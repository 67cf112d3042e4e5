import path from "node:path";
import { describe, expect, it } from "vitest";
import { displayPath, formatDiagnostic, formatMessage, formatPlace } from "../../lib/content/format-diagnostic";
import type { Diagnostic } from "../../lib/content/types";

const base = path.resolve("/stories");
const at = (file: string, severity: Diagnostic["severity"] = "error"): Diagnostic => ({
  file,
  line: 12,
  column: 5,
  severity,
  message: 'unknown speaker "BOB"',
});

describe("the one diagnostic formatter", () => {
  it("writes path:line:column, two spaces, the message, with the path relative to the base", () => {
    expect(formatDiagnostic(at(path.join(base, "chapters", "03-x", "index.mdx")), base)).toBe(
      'chapters/03-x/index.mdx:12:5  unknown speaker "BOB"',
    );
  });

  it("marks a warning, and keeps a path outside the base absolute", () => {
    const outside = path.resolve("/elsewhere/story.yaml");
    expect(formatDiagnostic(at(outside, "warning"), base)).toBe(`${outside}:12:5  warning: unknown speaker "BOB"`);
    expect(displayPath(base, base)).toBe(base);
  });

  it("gives the place and the message apart, for the preview's markup", () => {
    const d = at(path.join(base, "chapters", "01-a.mdx"), "warning");
    expect(formatPlace(d, base)).toBe("chapters/01-a.mdx:12:5");
    expect(formatMessage(d)).toBe('warning: unknown speaker "BOB"');
  });
});
