import type { Page } from "./browser";

/** Collects layout shifts from the first paint on (buffered), with what moved. */
export async function watchLayoutShifts(page: Page) {
  await page.addInitScript(() => {
    const w = window as unknown as { __cls: number; __shifts: string[] };
    w.__cls = 0;
    w.__shifts = [];
    type Shift = {
      value: number;
      hadRecentInput: boolean;
      sources?: { node?: Element; previousRect: DOMRectReadOnly; currentRect: DOMRectReadOnly }[];
    };
    new PerformanceObserver((list) => {
      for (const e of list.getEntries() as unknown as Shift[]) {
        if (e.hadRecentInput) continue;
        w.__cls += e.value;
        for (const s of e.sources ?? []) {
          w.__shifts.push(
            `${e.value.toFixed(4)} ${s.node?.nodeName ?? "?"}.${s.node?.getAttribute?.("class") ?? ""} ${JSON.stringify(s.previousRect)} -> ${JSON.stringify(s.currentRect)}`,
          );
        }
      }
    }).observe({ type: "layout-shift", buffered: true });
  });
}

export async function layoutShifts(page: Page): Promise<{ cls: number; shifts: string[] }> {
  return page.evaluate(() => {
    const w = window as unknown as { __cls: number; __shifts: string[] };
    return { cls: w.__cls, shifts: w.__shifts };
  });
}
