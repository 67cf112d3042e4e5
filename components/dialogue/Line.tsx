import type { CSSProperties, ReactNode } from "react";
import type { Story } from "../../lib/content/types";
import { AnchorLink } from "../chapter/AnchorLink";

const VARIANT_LABEL: Record<string, string> = {
  interrupting: "interrupting",
  radio: "over the radio",
  closer: "closing",
};

export interface LineProps {
  story: Story;
  speaker: string;
  variant?: string;
  /** Deep-link anchor (derived from the content by the compiler). */
  id?: string;
  children?: ReactNode;
}

/**
 * One line of dialogue in its speaker's colour and lane. The name is always in
 * the markup so screen readers announce who speaks; sighted readers see it only
 * with the "show names" setting, as colour and indent carry it otherwise.
 */
export function Line({ story, speaker, variant, id, children }: LineProps) {
  const member = story.cast[speaker];
  const style = { "--speaker-color": member?.color ?? "#ffffff" } as CSSProperties;
  const label = variant ? VARIANT_LABEL[variant] : undefined;
  return (
    <p className="line" data-lane={member?.lane ?? 0} data-variant={variant} data-speaker={speaker} style={style} id={id}>
      <span className="line-speaker">
        {member?.name ?? speaker}
        {label ? <span className="line-variant"> ({label})</span> : null}
        <span className="line-colon">: </span>
      </span>
      <span className="line-text">{children}</span>
      {id ? <AnchorLink id={id} label="Link to this line" /> : null}
    </p>
  );
}
