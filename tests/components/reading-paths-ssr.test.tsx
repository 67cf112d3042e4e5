// @vitest-environment node
// The HTML a reader gets for typing, deep links and stepping, with JavaScript off.
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { Typing } from "../../components/dialogue/Typing";
import { Line } from "../../components/dialogue/Line";
import { StepNav } from "../../components/chapter/StepNav";
import { ReaderSettings } from "../../components/chrome/ReaderSettings";
import { readerPrefsScript } from "../../components/chrome/prefs";
import type { Story } from "../../lib/content/types";

const story = { cast: { nine: { id: "nine", name: "Nine", color: "#ff6767", lane: 1 } } } as unknown as Story;
const script = JSON.stringify([
  { op: "type", text: "hi" },
  { op: "delete", count: 2 },
  { op: "type", text: "hello" },
]);

describe("Typing server HTML", () => {
  const html = renderToStaticMarkup(
    <Typing story={story} speaker="nine" script={script}>
      hello
    </Typing>,
  );
  it("holds only the final text as text, and an empty aria-hidden play layer", () => {
    expect(html.replace(/<[^>]+>/g, "")).toBe("hello");
    expect(html).toContain('<span class="typing__play" aria-hidden="true"></span>');
    expect(html).toContain('<span class="typing__final">hello</span>');
  });
  it("carries the script and the speaker colour for the island", () => {
    expect(html).toContain(`data-typing="${script.replace(/"/g, "&quot;")}"`);
    expect(html).toContain("--speaker-color:#ff6767");
  });
});

describe("deep-link anchors", () => {
  it("give a line its id and a real link to it, labelled, with no text of its own", () => {
    const html = renderToStaticMarkup(
      <Line story={story} speaker="nine" id="line-abc123">
        words
      </Line>,
    );
    expect(html).toMatch(/<p class="line"[^>]* id="line-abc123">/);
    expect(html).toContain('<a class="anchor-link" href="#line-abc123" aria-label="Link to this line" data-copy-link=""></a>');
  });
});

describe("step navigation", () => {
  const html = renderToStaticMarkup(<StepNav />);
  it("is hidden until its island runs, and names its keys", () => {
    expect(html).toMatch(/<nav class="step-nav" aria-label="Step through the chapter" data-step-nav="" hidden="">/);
    expect(html).toMatch(/data-step="next" aria-keyshortcuts="j">Next step</);
    expect(html).toMatch(/data-step="prev" aria-keyshortcuts="k">Previous</);
  });
  it("renders the live region in the server HTML so the first announcement is heard", () => {
    expect(html).toContain('<div class="visually-hidden" role="status" data-announcer=""></div>');
  });
});

describe("plain reading setting", () => {
  it("is offered in the reader settings and applied before paint", () => {
    expect(renderToStaticMarkup(<ReaderSettings />)).toContain("Plain reading");
    expect(readerPrefsScript).toContain('"installment:plain-reading"');
    expect(readerPrefsScript).toContain('"data-plain-reading"');
  });
});
