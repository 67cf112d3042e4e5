import { describe, expect, it } from "vitest";
import { AnchorNamer, contentHash } from "../../lib/content/anchors";

const ids = (prefix: "line" | "step", keys: string[]) => {
  const namer = new AnchorNamer();
  return keys.map((k) => namer.name(prefix, k));
};

describe("anchor ids derived from content", () => {
  it("are short, url-safe and prefixed", () => {
    const [a] = ids("line", ["nine\nare you awake"]);
    expect(a).toMatch(/^line-[0-9a-z]{6}$/);
    expect(ids("step", ["x"])[0]).toMatch(/^step-[0-9a-z]{6}$/);
  });

  it("ignore case and spacing, so a re-wrapped line keeps its id", () => {
    expect(contentHash("nine\nAre  you awake?")).toBe(contentHash("nine\n are you awake? "));
  });

  it("do not change when lines are added, removed or edited elsewhere", () => {
    const before = ids("line", ["nine\nhello", "ten\nhi", "nine\nbye"]);
    const after = ids("line", ["juice\nnew first line", "nine\nhello", "ten\nhi, edited", "nine\nbye"]);
    expect(after[1]).toBe(before[0]);
    expect(after[3]).toBe(before[2]);
    expect(after[2]).not.toBe(before[1]);
  });

  it("number repeats of the same content in order", () => {
    const [a, b, c] = ids("line", ["ten\nyes", "ten\nyes", "ten\nyes"]);
    expect(b).toBe(`${a}-2`);
    expect(c).toBe(`${a}-3`);
  });

  it("differ by speaker for the same words", () => {
    const [a, b] = ids("line", ["nine\nyes", "ten\nyes"]);
    expect(a).not.toBe(b);
  });

  it("never hand out an id twice, even when a pinned id collides", () => {
    const namer = new AnchorNamer();
    const first = namer.name("line", "nine\nhello");
    expect(namer.claim(first)).toBe(false);
    expect(namer.claim("line-custom")).toBe(true);
    expect(namer.claim("line-custom")).toBe(false);
  });
});
