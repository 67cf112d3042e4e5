import { describe, expect, it, vi } from "vitest";
import { mountIslands, type Island } from "../../components/islands/island";

/** Just enough of an element for mountIslands: its attributes. */
function fakeElement(id: string) {
  const attrs = new Map<string, string>();
  return {
    id,
    getAttribute: (k: string) => attrs.get(k) ?? null,
    setAttribute: (k: string, v: string) => void attrs.set(k, v),
  };
}

function fakeRoot(bySelector: Record<string, ReturnType<typeof fakeElement>[]>): ParentNode {
  return { querySelectorAll: (selector: string) => bySelector[selector] ?? [] } as unknown as ParentNode;
}

describe("mountIslands: every island, in order, in short slices", () => {
  it("yields to the browser whenever a slice has run its budget, never in the middle of a mount", async () => {
    let clock = 0;
    const log: string[] = [];
    const lines = Array.from({ length: 5 }, (_, k) => fakeElement(`line${k}`));
    const island: Island = {
      name: "slow",
      selector: ".line",
      mount: (el) => {
        log.push(`mount ${(el as unknown as { id: string }).id}`);
        clock += 4; // each mount costs 4 ms
      },
    };
    await mountIslands([island], fakeRoot({ ".line": lines }), {
      sliceMs: 6,
      now: () => clock,
      yieldToBrowser: async () => void log.push("yield"),
    });
    // 4 ms, then 8 ms ≥ 6: yield; and so on.
    expect(log).toEqual(["mount line0", "mount line1", "yield", "mount line2", "mount line3", "yield", "mount line4"]);
  });

  it("mounts islands in registry order, skips what is mounted, and survives a broken island", async () => {
    const el = fakeElement("box");
    const order: string[] = [];
    const error = vi.spyOn(console, "error").mockImplementation(() => {});
    const islands: Island[] = [
      { name: "first", selector: "[data-box]", mount: () => void order.push("first") },
      {
        name: "broken",
        selector: "[data-box]",
        mount: () => {
          throw new Error("boom");
        },
      },
      { name: "last", selector: "[data-box]", mount: () => void order.push("last") },
    ];
    const root = fakeRoot({ "[data-box]": [el] });
    await mountIslands(islands, root, { yieldToBrowser: async () => {} });
    await mountIslands(islands, root, { yieldToBrowser: async () => {} });
    expect(order).toEqual(["first", "last"]);
    expect(el.getAttribute("data-island-mounted")).toBe("first broken last");
    expect(error).toHaveBeenCalledTimes(1);
    error.mockRestore();
  });
});
