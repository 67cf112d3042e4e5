import type { ReactNode } from "react";
import type { Story } from "../../lib/content/types";
import type { ChapterComponentName } from "../../lib/content/chapter-components";
import type { BookImages } from "./epub-media";

type Props = Record<string, string | undefined> & { children?: ReactNode };

export interface EpubRenderContext {
  story: Story;
  images: BookImages;
  /** The chapter on the web, where the pictures move. */
  webUrl: string;
  /** Where a link in the chapter points inside the book (another chapter's file) or on the web. */
  link: (href: string) => string;
}

const VARIANT_LABEL: Record<string, string> = { interrupting: "interrupting", radio: "over the radio", closer: "closing" };

/**
 * The chapter components as an e-book can show them: names always printed
 * and the speaker's colour as a rule beside the line (the web's light-on-black
 * colours would be unreadable as text on a white page), posters in place of moving pictures
 * with a link to the web chapter, plain links in place of embedded videos.
 */
export function epubComponents(ctx: EpubRenderContext) {
  const picture = (src: string | undefined, alt: string | undefined, caption?: string) => {
    const pic = ctx.images.picture(src ?? "");
    return (
      <figure className="figure">
        {pic ? <img src={pic.href} alt={alt ?? ""} width={pic.width} height={pic.height} /> : <p className="missing">{alt}</p>}
        {caption ? <figcaption>{caption}</figcaption> : null}
        {pic?.moving ? (
          <p className="moving">
            <a href={ctx.webUrl}>This picture moves: see it in the chapter on the web.</a>
          </p>
        ) : null}
      </figure>
    );
  };
  return {
    // Plain HTML, mapped so links to released chapters stay inside the book.
    a: ({ href, children }: Props) => <a href={ctx.link(href ?? "")}>{children}</a>,
    Dialogue: ({ children }: Props) => <div className="dialogue">{children}</div>,
    Line: ({ speaker, variant, children }: Props) => {
      const member = ctx.story.cast[speaker ?? ""];
      const label = variant ? VARIANT_LABEL[variant] : undefined;
      return (
        <p className={`line lane-${member?.lane ?? 0}`} style={{ borderLeftColor: member?.color ?? "currentColor" }}>
          <span className="speaker">
            {member?.name ?? speaker}
            {label ? ` (${label})` : ""}:
          </span>{" "}
          {children}
        </p>
      );
    },
    Pause: () => <div className="pause" />,
    Gif: (p: Props) => picture(p.src, p.alt, p.caption),
    Still: (p: Props) => picture(p.src, p.alt, p.caption),
    YouTube: (p: Props) => (
      <p className="video">
        <a href={`https://www.youtube.com/watch?v=${encodeURIComponent(p.id ?? "")}`}>Video: {p.title}</a>
      </p>
    ),
    // The final text: a page cannot play the typing.
    Typing: ({ children }: Props) => <span className="typing">{children}</span>,
    Scrolly: ({ children }: Props) => <div className="scrolly">{children}</div>,
    Step: ({ media, alt, children }: Props) => (
      <div className="step">
        {media ? picture(media, alt) : null}
        {children}
      </div>
    ),
  } satisfies Record<ChapterComponentName | "a", (props: Props) => ReactNode>;
}

export const EPUB_CSS = `body { font-family: serif; line-height: 1.5; }
h1 { font-size: 1.6em; margin: 1em 0; }
.line { margin: 0.4em 0; padding-left: 0.5em; border-left: 0.25em solid; }
.lane-1 { margin-left: 1.5em; }
.lane-2 { margin-left: 3em; }
.lane-3 { margin-left: 4.5em; }
.speaker { font-weight: bold; }
.pause { height: 1.5em; }
.figure { margin: 1em 0; text-align: center; }
.figure img { max-width: 100%; height: auto; }
.moving, figcaption { font-size: 0.85em; }
.step { margin: 1.5em 0; }
.table-scroll { margin: 1em 0; overflow-x: auto; }
table { border-collapse: collapse; }
th, td { border: 1px solid; padding: 0.2em 0.5em; text-align: left; vertical-align: top; }
`;
