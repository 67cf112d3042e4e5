// Typing marks: a line that is typed, hesitates and is partly deleted, as in
// 17776. Pure: the compiler validates a line's marks and hands the reader's
// page a small script of operations plus the final text.
//
//   [[pause 600]]   wait 600 ms (1..10000)
//   [[delete 5]]    delete the last 5 characters typed
//   ~~text~~        type "text", hesitate, then delete it

export type TypingOp = { op: "type"; text: string } | { op: "pause"; ms: number } | { op: "delete"; count: number };

export interface TypingError {
  /** Offset of the mark in the text. */
  offset: number;
  length: number;
  message: string;
}

export interface TypingScript {
  ops: TypingOp[];
  /** The text left on screen once the typing is done: what every reader reads. */
  final: string;
  errors: TypingError[];
}

const MAX_PAUSE_MS = 10_000;
const USAGE = "use [[pause MS]], [[delete N]] or ~~typed then deleted~~";

export function hasTypingMarks(text: string): boolean {
  return text.includes("[[") || text.includes("~~");
}

export function parseTypingMarks(text: string): TypingScript {
  const ops: TypingOp[] = [];
  const errors: TypingError[] = [];
  let screen: string[] = [];
  let run = "";
  const flush = () => {
    if (run) ops.push({ op: "type", text: run });
    screen = screen.concat(Array.from(run));
    run = "";
  };
  let i = 0;
  while (i < text.length) {
    if (text.startsWith("[[", i)) {
      const end = text.indexOf("]]", i + 2);
      if (end < 0) {
        errors.push({ offset: i, length: 2, message: `"[[" is never closed with "]]"` });
        run += text.slice(i);
        break;
      }
      const raw = text.slice(i, end + 2);
      flush();
      const m = /^\[\[\s*(pause|delete)\s+([^\]]*?)\s*\]\]$/.exec(raw);
      const n = m ? Number(m[2]) : NaN;
      if (!m) errors.push({ offset: i, length: raw.length, message: `unknown typing mark "${raw}"; ${USAGE}` });
      else if (m[1] === "pause") {
        if (Number.isInteger(n) && n >= 1 && n <= MAX_PAUSE_MS) ops.push({ op: "pause", ms: n });
        else
          errors.push({
            offset: i,
            length: raw.length,
            message: `"${raw}" needs a whole number of milliseconds from 1 to ${MAX_PAUSE_MS}, e.g. [[pause 600]]`,
          });
      } else if (!Number.isInteger(n) || n < 1) {
        errors.push({ offset: i, length: raw.length, message: `"${raw}" needs a whole number of characters, e.g. [[delete 5]]` });
      } else if (n > screen.length) {
        errors.push({ offset: i, length: raw.length, message: `"${raw}" deletes more than the ${screen.length} characters typed so far` });
      } else {
        ops.push({ op: "delete", count: n });
        screen = screen.slice(0, screen.length - n);
      }
      i = end + 2;
      continue;
    }
    if (text.startsWith("~~", i)) {
      const end = text.indexOf("~~", i + 2);
      if (end < 0) {
        errors.push({ offset: i, length: 2, message: `"~~" is never closed: write ~~typed then deleted~~` });
        run += text.slice(i + 2);
        break;
      }
      const struck = text.slice(i + 2, end);
      flush();
      if (struck.length === 0) {
        errors.push({ offset: i, length: 4, message: `"~~~~" deletes nothing: put the typed-then-deleted text between the tildes` });
      } else {
        ops.push({ op: "type", text: struck }, { op: "delete", count: Array.from(struck).length });
      }
      i = end + 2;
      continue;
    }
    run += text[i];
    i += 1;
  }
  flush();
  return { ops, final: screen.join(""), errors };
}
