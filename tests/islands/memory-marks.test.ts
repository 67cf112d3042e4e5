import { describe, expect, it } from "vitest";
import {
  EMPTY_MEMORY,
  chapterMark,
  newSince,
  parseMemory,
  recordProgress,
  recordVisit,
  resumeFraction,
  serializeMemory,
} from "../../components/islands/memory/marks";

describe("reader memory: stored marks, parsed defensively", () => {
  it("ignores corrupt or hostile storage and never throws", () => {
    for (const raw of [
      null,
      undefined,
      "",
      "{",
      "null",
      "[]",
      "42",
      '{"v":2}',
      '{"v":1,"chapters":[]}',
      '{"v":1,"chapters":{"a":{"max":"x"}}}',
    ]) {
      expect(() => parseMemory(raw)).not.toThrow();
    }
    expect(parseMemory("{")).toEqual(EMPTY_MEMORY);
    const m = parseMemory(
      JSON.stringify({
        v: 1,
        seen: ["a", 7, "b"],
        chapters: { a: { max: 2, place: -1, at: 1 }, "": { max: 0.5, place: 0.5, at: 1 }, c: { max: "x" } },
      }),
    );
    expect(m.seen).toEqual(["a", "b"]);
    expect(Object.keys(m.chapters)).toEqual(["a"]);
    expect(m.chapters.a).toEqual({ max: 1, place: 0, at: 1 });
  });

  it("round-trips through serialisation", () => {
    const m = recordVisit(recordProgress(EMPTY_MEMORY, "dawn", 0.4, 10), ["dawn", "noon"]);
    expect(parseMemory(serializeMemory(m))).toEqual(m);
  });

  it("keeps the furthest point read and the latest place", () => {
    let m = recordProgress(EMPTY_MEMORY, "dawn", 0.7, 1);
    m = recordProgress(m, "dawn", 0.2, 2);
    expect(m.chapters.dawn).toEqual({ max: 0.7, place: 0.2, at: 2 });
    expect(resumeFraction(m, "dawn")).toBe(0.2);
    expect(resumeFraction(m, "noon")).toBeNull();
  });

  it("decides read, partly read (with percentage) and unread", () => {
    let m = recordProgress(EMPTY_MEMORY, "dawn", 1, 1);
    m = recordProgress(m, "noon", 0.42, 1);
    m = recordProgress(m, "dusk", 0.005, 1);
    expect(chapterMark(m, "dawn")).toEqual({ kind: "read" });
    expect(chapterMark(m, "noon")).toEqual({ kind: "partly", percent: 42 });
    expect(chapterMark(m, "dusk")).toEqual({ kind: "unread" });
    expect(chapterMark(m, "never")).toEqual({ kind: "unread" });
  });

  it("counts chapters new since the last visit; a first visit shows nothing new", () => {
    expect(newSince(null, ["dawn", "noon"])).toEqual([]);
    const first = recordVisit(EMPTY_MEMORY, ["dawn"]);
    expect(newSince(first.seen, ["dawn", "noon"])).toEqual(["noon"]);
    const second = recordVisit(first, ["dawn", "noon"]);
    expect(newSince(second.seen, ["dawn", "noon"])).toEqual([]);
  });

  it("stays bounded", () => {
    let m = EMPTY_MEMORY;
    for (let i = 0; i < 1200; i++) m = recordProgress(m, `c${i}`, 0.5, i);
    expect(Object.keys(parseMemory(serializeMemory(m)).chapters).length).toBeLessThanOrEqual(1000);
  });
});
