import { readFileSync } from "node:fs";
import path from "node:path";
import type { Page } from "playwright-core";
import { projectDir } from "./server";

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** Runs axe-core in the page and returns its violations, any impact. */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  // Evaluated over the devtools protocol: the page's CSP (rightly) refuses an injected <script>.
  await page.evaluate(readFileSync(path.join(projectDir, "node_modules/axe-core/axe.min.js"), "utf8"));
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run(document, { resultTypes: ["violations"] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target })) }));
  });
}

export const summarize = (vs: AxeViolation[]) =>
  vs.map((v) => `${v.impact} ${v.id}: ${v.help} @ ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
