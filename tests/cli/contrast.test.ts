import { describe, expect, it } from "vitest";
import {
  AA_MIN_RATIO,
  checkCastContrast,
  contrastRatio,
  formatRatio,
  parseHexColor,
  relativeLuminance,
  suggestColor,
} from "../../lib/content/contrast";

describe("WCAG contrast", () => {
  it("relative luminance of known colours", () => {
    expect(relativeLuminance("#000000")).toBe(0);
    expect(relativeLuminance("#ffffff")).toBeCloseTo(1, 10);
    expect(relativeLuminance("#ff0000")).toBeCloseTo(0.2126, 4);
    expect(relativeLuminance("#00ff00")).toBeCloseTo(0.7152, 4);
    expect(relativeLuminance("#0000ff")).toBeCloseTo(0.0722, 4);
    expect(relativeLuminance("#777777")).toBeCloseTo(0.1845, 3);
  });

  it("contrast ratios against black", () => {
    expect(contrastRatio("#ffffff", "#000000")).toBeCloseTo(21, 6);
    expect(contrastRatio("#000", "#000000")).toBe(1);
    expect(contrastRatio("#777777", "#000000")).toBeCloseTo(4.69, 2);
    expect(contrastRatio("#0000ff", "#000000")).toBeCloseTo(2.44, 2);
    expect(contrastRatio("#ff6767", "#000000")).toBeCloseTo(7.39, 2);
    // Order does not matter; #767676 on white is the classic 4.54.
    expect(contrastRatio("#ffffff", "#767676")).toBeCloseTo(4.54, 2);
    expect(contrastRatio("#767676", "#ffffff")).toBeCloseTo(4.54, 2);
  });

  it("parses #rgb and #rrggbb, refuses the rest", () => {
    expect(parseHexColor("#0F0")).toEqual({ r: 0, g: 255, b: 0 });
    expect(parseHexColor("#ff6767")).toEqual({ r: 255, g: 103, b: 103 });
    expect(parseHexColor("red")).toBeNull();
    expect(parseHexColor("#12345")).toBeNull();
  });

  it("never prints a failing ratio as if it passed", () => {
    expect(formatRatio(4.6889)).toBe("4.69");
    expect(formatRatio(4.4996, AA_MIN_RATIO)).toBe("4.499");
    expect(formatRatio(2.444, AA_MIN_RATIO)).toBe("2.44");
  });

  it("suggests a passing colour of the same hue", () => {
    const s = suggestColor("#0000ff")!;
    expect(contrastRatio(s, "#000000")).toBeGreaterThanOrEqual(AA_MIN_RATIO);
    expect(contrastRatio(s.replace(/^#/, "#"), "#000000")).toBeLessThan(6);
    expect(suggestColor("#ff6767")).toBe("#ff6767");
  });

  it("locates each low-contrast cast colour at its value in story.yaml", () => {
    const text = `title: T\ncast:\n  nine:\n    name: Nine\n    color: "#ff6767"\n  blue:\n    name: Blue\n    color: "#0000ff"\n  grey:\n    color: '#333'\n  bad:\n    color: red\n`;
    const found = checkCastContrast(text, "/x/story.yaml");
    expect(found.map((d) => `${d.line}:${d.column} ${d.severity} ${d.message}`)).toEqual([
      expect.stringMatching(
        /^8:12 error cast\.blue\.color "#0000ff" has contrast 2\.44:1 against the page background #000000; WCAG AA needs at least 4\.5:1; try #[0-9a-f]{6}$/,
      ),
      expect.stringMatching(/^10:12 error cast\.grey\.color "#333" has contrast 1\.66:1/),
    ]);
    expect(checkCastContrast("cast: [oops", "/x/story.yaml")).toEqual([]);
  });
});
