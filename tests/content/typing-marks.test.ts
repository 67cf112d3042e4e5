import { describe, expect, it } from "vitest";
import { hasTypingMarks, parseTypingMarks } from "../../lib/content/typing-marks";

describe("typing marks", () => {
  it("plays plain text as one typed run", () => {
    const r = parseTypingMarks("hello there");
    expect(r.errors).toEqual([]);
    expect(r.final).toBe("hello there");
    expect(r.ops).toEqual([{ op: "type", text: "hello there" }]);
  });

  it("reads pauses, deletions and struck-out text, and computes the final text", () => {
    const r = parseTypingMarks("I was[[pause 600]] ~~going to~~ about to[[delete 8]]leaving");
    expect(r.errors).toEqual([]);
    expect(r.ops).toEqual([
      { op: "type", text: "I was" },
      { op: "pause", ms: 600 },
      { op: "type", text: " " },
      { op: "type", text: "going to" },
      { op: "delete", count: 8 },
      { op: "type", text: " about to" },
      { op: "delete", count: 8 },
      { op: "type", text: "leaving" },
    ]);
    expect(r.final).toBe("I was  leaving");
  });

  it("counts characters, not UTF-16 units, when deleting", () => {
    expect(parseTypingMarks("a🎈b[[delete 2]]c").final).toBe("ac");
  });

  it("knows when a text has marks", () => {
    expect(hasTypingMarks("plain words")).toBe(false);
    expect(hasTypingMarks("wait[[pause 300]]")).toBe(true);
    expect(hasTypingMarks("~~no~~ yes")).toBe(true);
  });

  it("reports each bad mark with its offset", () => {
    const text = "ab[[wait 3]] cd[[pause x]] [[delete 99]] ~~open";
    const r = parseTypingMarks(text);
    expect(r.errors.map((e) => [e.offset, e.message])).toEqual([
      [2, `unknown typing mark "[[wait 3]]"; use [[pause MS]], [[delete N]] or ~~typed then deleted~~`],
      [15, `"[[pause x]]" needs a whole number of milliseconds from 1 to 10000, e.g. [[pause 600]]`],
      [27, `"[[delete 99]]" deletes more than the 6 characters typed so far`],
      [41, `"~~" is never closed: write ~~typed then deleted~~`],
    ]);
  });

  it("reports an unclosed [[ and an empty ~~~~", () => {
    expect(parseTypingMarks("x [[pause 3").errors[0]).toEqual({ offset: 2, length: 2, message: `"[[" is never closed with "]]"` });
    expect(parseTypingMarks("x ~~~~").errors[0]?.message).toBe(
      `"~~~~" deletes nothing: put the typed-then-deleted text between the tildes`,
    );
  });
});
