// On the home page: read / partly read marks, "new since your last visit"
// badges and count, resume links, and "Forget my reading". Marks attach only
// to chapter items the server rendered (data-chapter-slug); stored values are
// only compared, never shown, so nothing stored can surface an unreleased title.
import type { Island } from "../island";
import { chapterMark, newCountText, newSince, recordVisit, type Memory } from "./marks";
import { forgetMemory, readMemory, session, VISIT_BASELINE_KEY, writeMemory } from "./store";

const ADDED = "data-memory-added";

function baseline(m: Memory): string[] | null {
  const s = session();
  try {
    const raw = s?.getItem(VISIT_BASELINE_KEY);
    if (raw) {
      const v: unknown = JSON.parse(raw);
      if (Array.isArray(v)) return v.filter((x): x is string => typeof x === "string");
    }
  } catch {
    // corrupt or blocked: start the visit afresh
  }
  try {
    if (m.seen !== null) s?.setItem(VISIT_BASELINE_KEY, JSON.stringify(m.seen));
  } catch {
    // blocked
  }
  return m.seen;
}

function tag(className: string, text: string): HTMLElement {
  const span = document.createElement("span");
  span.className = className;
  span.setAttribute(ADDED, "");
  span.textContent = text;
  return span;
}

function decorate(items: HTMLElement[], m: Memory, fresh: Set<string>): void {
  for (const item of items) {
    const slug = item.getAttribute("data-chapter-slug")!;
    const link = item.querySelector<HTMLAnchorElement>("a[href]");
    const mark = chapterMark(m, slug);
    item.setAttribute("data-read", mark.kind);
    const box = document.createElement("p");
    box.className = "toc-memory";
    box.setAttribute(ADDED, "");
    if (fresh.has(slug)) box.append(tag("toc-new", "New since your last visit"));
    if (mark.kind === "read") box.append(tag("toc-mark", "Read"));
    if (mark.kind === "partly") {
      box.append(tag("toc-mark", `Partly read (${mark.percent}%)`));
      if (link) {
        const resume = document.createElement("a");
        resume.className = "toc-resume";
        resume.href = `${link.pathname}#resume`;
        resume.textContent = "Resume where you left off";
        box.append(resume);
      }
    }
    if (box.childNodes.length > 0) item.append(box);
  }
}

export const homeMemory: Island = {
  name: "home-memory",
  selector: "[data-reader-memory]",
  mount(el) {
    const items = [...document.querySelectorAll<HTMLElement>("[data-chapter-slug]")];
    const listed = items.map((i) => i.getAttribute("data-chapter-slug")!).filter(Boolean);
    const m = readMemory();
    const fresh = new Set(newSince(baseline(m), listed));
    writeMemory(recordVisit(m, listed));
    decorate(items, m, fresh);

    const status = el.querySelector<HTMLElement>("[data-memory-status]");
    // Set after the live region is in place, so it is announced.
    requestAnimationFrame(() => {
      if (status) status.textContent = newCountText(fresh.size);
    });

    const forget = el.querySelector<HTMLButtonElement>("[data-memory-forget]");
    if (!forget) return;
    forget.hidden = false;
    forget.addEventListener("click", () => {
      if (!window.confirm("Forget which chapters you have read and where you left off, on this device?")) return;
      forgetMemory();
      for (const added of document.querySelectorAll(`[${ADDED}]`)) added.remove();
      for (const item of items) item.removeAttribute("data-read");
      for (const link of document.querySelectorAll<HTMLElement>(".continue-reading__link")) link.hidden = true;
      if (status) status.textContent = "Your reading on this device is forgotten.";
    });
  },
};
