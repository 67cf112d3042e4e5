// @vitest-environment node
// Framing as server HTML: it needs no JavaScript (a <details> opens by itself).
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { ChapterWarnings } from "../../components/framing/ChapterWarnings";
import { Recap } from "../../components/framing/Recap";
import { AuthorNote } from "../../components/framing/AuthorNote";
import { StoryNoticeBox } from "../../components/framing/StoryNoticeBox";
import { FramingMarkdown } from "../../components/framing/FramingMarkdown";

describe("content warnings", () => {
  const html = renderToStaticMarkup(<ChapterWarnings warnings={["storm at sea", "a character in danger"]} skipTo="story-start" />);

  it("is a labelled landmark with a heading and the list", () => {
    expect(html).toMatch(/^<aside class="framing-warnings" aria-labelledby="framing-warnings-title">/);
    expect(html).toContain('<h2 id="framing-warnings-title">Content warnings</h2>');
    expect(html).toContain("<li>storm at sea</li><li>a character in danger</li>");
  });

  it("has a skip link past it to the story", () => {
    expect(html).toMatch(/<a class="framing-skip" href="#story-start">Skip past the warnings to the story<\/a>/);
  });

  it("also carries a collapsed summary for readers who chose to collapse warnings", () => {
    expect(html).toMatch(/<details class="framing-warnings-collapsed"><summary>Content warnings \(2\)<\/summary>/);
  });

  it("renders nothing without warnings", () => {
    expect(renderToStaticMarkup(<ChapterWarnings warnings={[]} skipTo="story-start" />)).toBe("");
  });
});

describe("recap", () => {
  it("is a closed <details> named Previously, with the markdown rendered", () => {
    const html = renderToStaticMarkup(<Recap text={"Margo *counted* waves.\n\nPip did **not** pop."} />);
    expect(html).toMatch(/^<details class="framing-recap"><summary>Previously<\/summary>/);
    expect(html).not.toContain(" open");
    expect(html).toContain("<p>Margo <em>counted</em> waves.</p>");
    expect(html).toContain("<p>Pip did <strong>not</strong> pop.</p>");
  });
});

describe("author's note", () => {
  it("is a labelled aside after the chapter", () => {
    const html = renderToStaticMarkup(<AuthorNote text="Thanks for [reading](/about)." />);
    expect(html).toMatch(
      /^<aside class="framing-note" aria-labelledby="framing-note-title"><h2 id="framing-note-title">Author’s note<\/h2>/,
    );
    expect(html).toContain('<a href="/about">reading</a>');
  });
});

describe("story notice", () => {
  it("names its kind in a heading", () => {
    const hiatus = renderToStaticMarkup(<StoryNoticeBox notice={{ kind: "hiatus", text: "Back in **spring**." }} />);
    expect(hiatus).toMatch(
      /^<section class="story-notice story-notice--hiatus" aria-labelledby="story-notice-title"><h2 id="story-notice-title">On hiatus<\/h2>/,
    );
    expect(hiatus).toContain("<strong>spring</strong>");
    const news = renderToStaticMarkup(<StoryNoticeBox notice={{ kind: "announcement", text: "A book!" }} />);
    expect(news).toContain(">Announcement</h2>");
  });
});

describe("framing markdown", () => {
  it("drops raw HTML and never loads an image (alt text instead)", () => {
    const html = renderToStaticMarkup(
      <FramingMarkdown text={"Hi <script>alert(1)</script> <b>x</b>\n\n![a storm](https://example.com/x.png)"} />,
    );
    expect(html).not.toMatch(/<script|<b>|<img/);
    expect(html).toContain("a storm");
  });

  it("turns headings into paragraphs so the page outline stays the page's", () => {
    const html = renderToStaticMarkup(<FramingMarkdown text={"# Big\n\ntext"} />);
    expect(html).not.toMatch(/<h\d/);
    expect(html).toContain("<p><strong>Big</strong></p>");
  });
});
