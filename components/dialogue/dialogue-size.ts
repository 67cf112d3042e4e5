import { isValidElement, type ReactNode } from "react";

export interface DialogueSize {
  /** Lines of dialogue (elements with a `speaker`). */
  lines: number;
  /** Characters of text in them. */
  chars: number;
}

/**
 * What a dialogue block holds, read from its React children before they
 * render: enough for CSS to estimate its height (app/globals.css) while the
 * browser skips laying it out far from the viewport.
 */
export function dialogueSize(children: ReactNode): DialogueSize {
  const size = { lines: 0, chars: 0 };
  const walk = (node: ReactNode): void => {
    if (typeof node === "string" || typeof node === "number") size.chars += String(node).length;
    else if (Array.isArray(node)) node.forEach(walk);
    else if (isValidElement<{ children?: ReactNode; speaker?: unknown }>(node)) {
      if (typeof node.props.speaker === "string") size.lines++;
      walk(node.props.children);
    }
  };
  walk(children);
  return size;
}
