import type { ComponentProps, ReactNode } from "react";
import { Dialogue } from "./dialogue/Dialogue";
import { Line } from "./dialogue/Line";
import { Typing } from "./dialogue/Typing";
import { Pause } from "./chapter/Pause";
import { Figure } from "./chapter/Figure";
import { ScrollySection, StepSection } from "./chapter/ScrollySection";
import { YouTubeEmbed } from "./chapter/YouTubeEmbed";
import { Reveal } from "./motion/Reveal";
import type { ChapterRenderContext } from "./chapter/media-context";
import type { ChapterComponentName } from "../lib/content/chapter-components";

type Props = Record<string, string | undefined> & { children?: ReactNode };

/**
 * The single map of components available in chapters. It is built per
 * render with the story and media manifest bound in, so chapters need no
 * imports and interactive pieces stay small client islands.
 */
export function chapterComponents(ctx: ChapterRenderContext) {
  return {
    Dialogue: ({ children }: Props) => <Dialogue>{children}</Dialogue>,
    Line: ({ speaker, variant, id, children }: Props) => (
      <Reveal>
        <Line story={ctx.story} speaker={speaker ?? ""} variant={variant} id={id}>
          {children}
        </Line>
      </Reveal>
    ),
    Pause: ({ size }: Props) => <Pause size={size} />,
    Gif: (p: Props) => <Figure ctx={ctx} kind="gif" src={p.src ?? ""} alt={p.alt ?? ""} caption={p.caption} priority={p.priority} />,
    Still: (p: Props) => <Figure ctx={ctx} kind="still" src={p.src ?? ""} alt={p.alt ?? ""} caption={p.caption} priority={p.priority} />,
    YouTube: (p: Props) => <YouTubeEmbed ctx={ctx} id={p.id ?? ""} title={p.title ?? ""} start={p.start} poster={p.poster} />,
    Scrolly: ({ panels, children }: Props) => (
      <ScrollySection ctx={ctx} panels={panels}>
        {children}
      </ScrollySection>
    ),
    Step: ({ index, id, media, alt, priority, children }: Props) => (
      <StepSection ctx={ctx} index={index} id={id} media={media} alt={alt} priority={priority}>
        {children}
      </StepSection>
    ),
    Typing: ({ speaker, script, children }: Props) => (
      <Typing story={ctx.story} speaker={speaker} script={script ?? "[]"}>
        {children}
      </Typing>
    ),
  } satisfies Record<ChapterComponentName, (props: Props) => ReactNode>;
}

export type ChapterComponents = ReturnType<typeof chapterComponents>;
export type { ComponentProps };
