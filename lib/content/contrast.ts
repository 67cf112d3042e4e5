import { isMap, isScalar } from "yaml";
import type { Diagnostic } from "./types";
import { diagnosticAt, positionAt, readYamlFile } from "../yaml/yaml-file";

// WCAG 2.x contrast between a cast colour and the page background, so every
// speaker's dialogue stays readable (AA: at least 4.5:1 for normal text).

/** The page background of the reading view (app/globals.css `--bg`). */
const PAGE_BACKGROUND = "#000000";
/** WCAG AA minimum for normal-size text. */
export const AA_MIN_RATIO = 4.5;

export interface Rgb {
  r: number;
  g: number;
  b: number;
}

/** Parses `#rgb` or `#rrggbb` (any case); null when it is not a hex colour. */
export function parseHexColor(color: string): Rgb | null {
  const m = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(color.trim());
  if (!m) return null;
  let hex = m[1]!;
  if (hex.length === 3) hex = [...hex].map((c) => c + c).join("");
  return { r: parseInt(hex.slice(0, 2), 16), g: parseInt(hex.slice(2, 4), 16), b: parseInt(hex.slice(4, 6), 16) };
}

function channel(value: number): number {
  const c = value / 255;
  return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
}

/** WCAG relative luminance, 0 (black) to 1 (white). */
export function relativeLuminance(color: string | Rgb): number {
  const rgb = typeof color === "string" ? parseHexColor(color) : color;
  if (!rgb) throw new Error(`not a hex colour: ${JSON.stringify(color)}`);
  return 0.2126 * channel(rgb.r) + 0.7152 * channel(rgb.g) + 0.0722 * channel(rgb.b);
}

/** WCAG contrast ratio between two colours, 1 to 21 (order does not matter). */
export function contrastRatio(a: string | Rgb, b: string | Rgb): number {
  const la = relativeLuminance(a);
  const lb = relativeLuminance(b);
  const [hi, lo] = la >= lb ? [la, lb] : [lb, la];
  return (hi + 0.05) / (lo + 0.05);
}

/**
 * A ratio for people to read, to two decimals (#777777 on black: "4.69").
 * Pass `below` (a limit the ratio failed) and a ratio just under it never
 * prints as if it met it: 4.4996 against 4.5 reads "4.499", not "4.50".
 */
export function formatRatio(ratio: number, below?: number): string {
  const shown = ratio.toFixed(2);
  if (below === undefined || ratio >= below || Number(shown) < below) return shown;
  return (Math.floor(ratio * 1000) / 1000).toFixed(3);
}

function toHex({ r, g, b }: Rgb): string {
  return "#" + [r, g, b].map((v) => Math.round(v).toString(16).padStart(2, "0")).join("");
}

/**
 * The closest colour of the same hue that meets `min` against `background`:
 * mixes toward white on a dark background, toward black on a light one.
 */
export function suggestColor(color: string, background = PAGE_BACKGROUND, min = AA_MIN_RATIO): string | null {
  const rgb = parseHexColor(color);
  const bg = parseHexColor(background);
  if (!rgb || !bg) return null;
  if (contrastRatio(rgb, bg) >= min) return toHex(rgb);
  const target = relativeLuminance(bg) < 0.18 ? 255 : 0;
  for (let step = 1; step <= 100; step++) {
    const t = step / 100;
    const mixed = { r: rgb.r + (target - rgb.r) * t, g: rgb.g + (target - rgb.g) * t, b: rgb.b + (target - rgb.b) * t };
    const rounded = { r: Math.round(mixed.r), g: Math.round(mixed.g), b: Math.round(mixed.b) };
    if (contrastRatio(rounded, bg) >= min) return toHex(rounded);
  }
  return null;
}

/**
 * Every cast colour in story.yaml below WCAG AA against the page background,
 * located at the colour's value. Colours that are not hex are left to the
 * story schema, which reports them already.
 */
export function checkCastContrast(storyText: string, file: string, background = PAGE_BACKGROUND, min = AA_MIN_RATIO): Diagnostic[] {
  const yaml = readYamlFile(storyText, file);
  if (yaml.doc.errors.length > 0) return [];
  const root = yaml.doc.contents;
  if (!isMap(root)) return [];
  const castPair = root.items.find((p) => isScalar(p.key) && String(p.key.value) === "cast");
  if (!castPair || !isMap(castPair.value)) return [];
  const diagnostics: Diagnostic[] = [];
  for (const member of castPair.value.items) {
    if (!isScalar(member.key) || !isMap(member.value)) continue;
    const id = String(member.key.value);
    const colorPair = member.value.items.find((p) => isScalar(p.key) && String(p.key.value) === "color");
    if (!colorPair || !isScalar(colorPair.value) || typeof colorPair.value.value !== "string") continue;
    const color = colorPair.value.value;
    if (!parseHexColor(color)) continue;
    const ratio = contrastRatio(color, background);
    if (ratio >= min) continue;
    const suggestion = suggestColor(color, background, min);
    diagnostics.push(
      diagnosticAt(
        yaml,
        positionAt(yaml, ["cast", id, "color"]),
        `cast.${id}.color "${color}" has contrast ${formatRatio(ratio, min)}:1 against the page background ${background}; ` +
          `WCAG AA needs at least ${min}:1` +
          (suggestion ? `; try ${suggestion}` : ""),
      ),
    );
  }
  return diagnostics;
}
