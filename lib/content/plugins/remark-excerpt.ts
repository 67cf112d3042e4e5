import type { Root } from "mdast";
import { toString } from "mdast-util-to-string";

/** Captures the chapter's opening words for feeds and link previews. */
export function remarkExcerpt(options: { onExcerpt: (text: string) => void; maxLength?: number }) {
  const max = options.maxLength ?? 280;
  return (tree: Root) => {
    const body = tree.children.filter((c) => c.type !== "yaml");
    const text = toString(body, { includeHtml: false }).replace(/\s+/g, " ").trim();
    if (text.length <= max) {
      options.onExcerpt(text);
      return;
    }
    const cut = text.slice(0, max);
    options.onExcerpt(cut.slice(0, Math.max(cut.lastIndexOf(" "), max - 20)).trimEnd() + "…");
  };
}
