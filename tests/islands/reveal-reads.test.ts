import { afterEach, describe, expect, it, vi } from "vitest";

type Entry = { target: { dataset: Record<string, string> }; isIntersecting: boolean; boundingClientRect: { top: number } };

describe("reveal: one read of the viewport per report, however many lines", () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.resetModules();
  });

  it("marks every line below the fold hidden without reading the viewport between writes", async () => {
    let report: ((entries: Entry[]) => void) | undefined;
    vi.stubGlobal(
      "IntersectionObserver",
      class {
        constructor(cb: (entries: Entry[]) => void) {
          report = cb;
        }
        observe() {}
        unobserve() {}
      },
    );
    let viewportReads = 0;
    // Reading innerHeight after a write forces a layout in a browser: count the reads.
    vi.stubGlobal("window", {
      get innerHeight() {
        viewportReads++;
        return 800;
      },
      matchMedia: () => ({ matches: false, addEventListener() {} }),
    });
    vi.stubGlobal("document", { documentElement: { getAttribute: () => null }, querySelectorAll: () => [] });
    vi.stubGlobal(
      "MutationObserver",
      class {
        observe() {}
      },
    );
    const { reveal } = await import("../../components/islands/reveal");

    const lines = Array.from({ length: 400 }, () => ({ dataset: {} as Record<string, string> }));
    for (const line of lines) reveal.mount(line as unknown as HTMLElement);
    report!(lines.map((target, k) => ({ target, isIntersecting: k < 10, boundingClientRect: { top: k * 100 } })));

    expect(viewportReads).toBe(1);
    expect(lines.filter((l) => l.dataset.reveal === "hidden")).toHaveLength(400 - 10);
  });
});
