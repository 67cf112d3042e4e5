import type { Island } from "./island";
import { motionReduced } from "./announce";
import type { TypingOp } from "../../lib/content/typing-marks";

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** A person's typing rhythm: quicker inside words, a beat after punctuation. */
function delayAfter(ch: string): number {
  if (/[.,!?;:]/.test(ch)) return 160;
  if (ch === " ") return 70;
  return 45;
}

function parse(raw: string | null): TypingOp[] | null {
  try {
    const ops = JSON.parse(raw ?? "") as unknown;
    return Array.isArray(ops) ? (ops as TypingOp[]) : null;
  } catch {
    return null;
  }
}

/**
 * Plays a <Typing> script (typing, pauses, deletions) once, when it scrolls
 * into view, in the aria-hidden layer over the final text. The final text
 * keeps its box (transparent while playing), so nothing shifts, and is what
 * screen readers read. Under reduced motion nothing plays.
 */
export const typingIsland: Island = {
  name: "typing",
  selector: "[data-typing]",
  mount(el) {
    const ops = parse(el.getAttribute("data-typing"));
    const layer = el.querySelector<HTMLElement>(".typing__play");
    if (!ops || !layer || motionReduced() || typeof IntersectionObserver !== "function") return;
    const state = (s: "waiting" | "playing" | "done") => el.setAttribute("data-typing-state", s);
    state("waiting");
    const finish = () => {
      layer.textContent = "";
      state("done");
    };
    const play = async () => {
      state("playing");
      const shown: string[] = [];
      const show = () => (layer.textContent = shown.join(""));
      for (const op of ops) {
        if (motionReduced()) break;
        if (op.op === "pause") await wait(op.ms);
        else if (op.op === "type") {
          for (const ch of Array.from(op.text)) {
            shown.push(ch);
            show();
            await wait(delayAfter(ch));
          }
        } else {
          await wait(450); // the hesitation before deleting
          for (let i = 0; i < op.count; i++) {
            shown.pop();
            show();
            await wait(35);
          }
        }
      }
      finish();
    };
    const io = new IntersectionObserver(
      (entries) => {
        if (!entries.some((e) => e.isIntersecting)) return;
        io.disconnect();
        void play();
      },
      { rootMargin: "0px 0px -10% 0px" },
    );
    io.observe(el);
  },
};
