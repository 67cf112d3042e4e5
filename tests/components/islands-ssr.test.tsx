// @vitest-environment node
// The HTML a reader gets with JavaScript off.
import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { ContinueReading } from "../../components/chrome/ContinueReading";
import { ReaderSettings } from "../../components/chrome/ReaderSettings";
import { ReadingProgress } from "../../components/chrome/ReadingProgress";
import { LoopVideo } from "../../components/media/LoopVideo";
import { Reveal } from "../../components/motion/Reveal";
import { ScrollyRoot } from "../../components/scrolly/ScrollyRoot";
import { StepFrame } from "../../components/scrolly/StepFrame";
import { YouTubeFacade } from "../../components/youtube/YouTubeFacade";

const video = {
  sources: [
    { src: "/media/ab12.webm", type: "video/webm" },
    { src: "/media/ab12.mp4", type: "video/mp4" },
  ],
  poster: "/media/ab12.webp",
  width: 640,
  height: 360,
  alt: "A probe turning in sunlight",
};

describe("LoopVideo server HTML", () => {
  const html = renderToString(<LoopVideo {...video} priority={false} />);

  it("reserves its box: width, height and aspect-ratio", () => {
    expect(html).toMatch(/aspect-ratio:\s*640 \/ 360/);
    expect(html).toMatch(/<img[^>]*width="640"[^>]*height="360"/);
    expect(html).toMatch(/<video[^>]*width="640"[^>]*height="360"/);
  });

  it("shows the media without JavaScript: a poster image and a noscript autoplaying video with both sources", () => {
    expect(html).toMatch(/<img[^>]*src="\/media\/ab12.webp"/);
    const ns = /<noscript>([\s\S]*?)<\/noscript>/.exec(html)?.[1] ?? "";
    expect(ns).toMatch(/<video[^>]*autoPlay=""[^>]*muted=""[^>]*loop=""[^>]*playsInline=""/);
    expect(ns).toContain('poster="/media/ab12.webp"');
    expect(ns).toContain('<source src="/media/ab12.webm" type="video/webm"/>');
    expect(ns).toContain('<source src="/media/ab12.mp4" type="video/mp4"/>');
  });

  it("loads nothing outside noscript before the island sees it near: no sources, preload none", () => {
    const outside = html.replace(/<noscript>[\s\S]*?<\/noscript>/, "");
    expect(outside).not.toMatch(/src="[^"]*\.(mp4|webm)"/);
    expect(outside).not.toContain("<source");
    expect(outside).toMatch(/<img[^>]*loading="lazy"/);
    expect(outside).not.toMatch(/autoPlay/);
    expect(outside).toMatch(/<video[^>]*preload="none"/);
    // The island reads its sources, in order, from a data attribute.
    expect(html).toContain(
      `data-sources="[[&quot;/media/ab12.webm&quot;,&quot;video/webm&quot;],[&quot;/media/ab12.mp4&quot;,&quot;video/mp4&quot;]]"`,
    );
  });

  it("has an accessible name, or is hidden when decorative", () => {
    expect(html).toContain('role="img"');
    expect(html).toContain('aria-label="A probe turning in sunlight"');
    const deco = renderToString(<LoopVideo {...video} alt="" priority={false} />);
    expect(deco).not.toContain('role="img"');
    expect(deco).toContain('aria-hidden="true"');
  });

  it("priority media: eager poster with high fetch priority", () => {
    const p = renderToString(<LoopVideo {...video} priority />);
    expect(p).toMatch(/<img[^>]*loading="eager"[^>]*fetchPriority="high"/);
    // Sources attach when the island sees the box near (so reduced motion can veto them), never in the HTML.
    expect(p.replace(/<noscript>[\s\S]*?<\/noscript>/, "")).not.toMatch(/<source|src="[^"]*\.mp4"/);
  });

  it("has a keyboard-reachable play/pause button", () => {
    expect(html).toMatch(/<button type="button"[^>]*aria-label="Play animation: A probe turning in sunlight"/);
  });
});

describe("YouTubeFacade server HTML", () => {
  const html = renderToString(<YouTubeFacade id="dQw4w9WgXcQ" title="Orbital burn" start={30} />);

  it("makes no request to YouTube before the click", () => {
    expect(html).not.toMatch(/<iframe/i);
    expect(html).not.toMatch(/ytimg|youtube-nocookie/);
    expect(html).not.toMatch(/<img[^>]*youtube/);
    expect(html).not.toMatch(/<(img|script|link)[^>]*src="https?:/);
  });

  it("has a real button named 'Play video: {title}'", () => {
    expect(html).toMatch(/<button type="button"[^>]*aria-label="Play video: Orbital burn"/);
  });

  it("works without JS: a link to the watch page at the start time", () => {
    expect(html).toContain('href="https://www.youtube.com/watch?v=dQw4w9WgXcQ&amp;t=30s"');
  });

  it("does not nest the button inside the link (invalid HTML, axe nested-interactive)", () => {
    expect(html).not.toMatch(/<a[^>]*>(?:(?!<\/a>)[\s\S])*<button/);
  });

  it("uses the local poster, or a placeholder with the title", () => {
    const withPoster = renderToString(
      <YouTubeFacade id="dQw4w9WgXcQ" title="Orbital burn" poster={{ src: "/media/yt.webp", width: 1280, height: 720 }} />,
    );
    expect(withPoster).toMatch(/<img[^>]*src="\/media\/yt.webp"[^>]*width="1280"[^>]*height="720"/);
    expect(html).toContain("Orbital burn</span>");
  });
});

describe("Reveal server HTML", () => {
  it("renders children visibly (no opacity 0, no hiding)", () => {
    const html = renderToString(
      <Reveal delay={0.2}>
        <p>Hello from the future</p>
      </Reveal>,
    );
    expect(html).toContain("<p>Hello from the future</p>");
    expect(html).not.toMatch(/opacity:\s*0(?![.\d])/);
    expect(html).not.toMatch(/visibility:\s*hidden|display:\s*none/);
  });
});

describe("Scrolly server HTML", () => {
  const html = renderToString(
    <ScrollyRoot panels={[{ blank: false }, { blank: true }]}>
      <StepFrame index={0} inlineMedia={<p>inline A</p>}>
        step one
      </StepFrame>
      <StepFrame index={1} inlineMedia={<p>inline B</p>}>
        step two
      </StepFrame>
    </ScrollyRoot>,
  );

  it("marks the first panel and step active, the rest inactive", () => {
    expect(html).toMatch(/data-scrolly-panel=""[^>]*data-index="0"[^>]*data-active="true"/);
    expect(html).toMatch(/data-scrolly-panel=""[^>]*data-index="1"[^>]*data-active="false"[^>]*inert/);
    expect(html).toMatch(/<section[^>]*data-scrolly-step=""[^>]*data-index="0"[^>]*data-active="true"[^>]*class="scrolly-step"/);
    expect(html).toMatch(/<section[^>]*data-index="1"[^>]*data-active="false"/);
  });

  it("contains all step text and each step's media once, inline, for the no-JS layout", () => {
    for (const t of ["step one", "step two", "inline A", "inline B"]) expect(html).toContain(t);
    expect(html.split("inline A").length).toBe(2);
    expect(html).toContain('class="scrolly-step__media"');
    // Panels are empty slots the island fills by moving the step's media; a step without media gets a blank.
    expect(html).toMatch(/data-index="0" data-active="true"><\/div>/);
    expect(html).toContain('<div class="scrolly-blank"></div>');
  });
});

describe("chrome server HTML", () => {
  it("ContinueReading renders only its reserved, empty slot", () => {
    const html = renderToString(<ContinueReading known={[{ slug: "01-a", title: "A" }]} />);
    expect(html).toBe(
      '<div class="continue-reading" data-continue-reading="" data-known="[{&quot;slug&quot;:&quot;01-a&quot;,&quot;title&quot;:&quot;A&quot;}]"></div>',
    );
  });

  it("ReaderSettings has both labelled toggles, off until the island reads the stored preferences", () => {
    const html = renderToString(<ReaderSettings />);
    expect(html).toContain("<details");
    expect(html).toContain("Show speaker names</label>");
    expect(html).toContain("Reduce motion</label>");
    expect(html).not.toContain("checked");
  });

  it("ReadingProgress is decorative and starts empty", () => {
    const html = renderToString(<ReadingProgress />);
    expect(html).toContain('aria-hidden="true"');
    expect(html).toContain("scaleX(0)");
  });
});
