import { Fragment, jsx, jsxs } from "react/jsx-runtime";
import type { ReactNode } from "react";
import { fromMarkdown } from "mdast-util-from-markdown";
import { toHast } from "mdast-util-to-hast";
import { toJsxRuntime } from "hast-util-to-jsx-runtime";

// Short markdown (a recap, a note, a notice) rendered on the server. Raw HTML
// is dropped (mdast-util-to-hast leaves it out), images become their alt text
// (no request a reader did not ask for), headings become bold paragraphs so
// the page keeps its own outline.

const Heading = ({ children }: { children?: ReactNode }) => (
  <p>
    <strong>{children}</strong>
  </p>
);
const ImageAlt = ({ alt }: { alt?: string }) => <>{alt ?? ""}</>;
const components = { h1: Heading, h2: Heading, h3: Heading, h4: Heading, h5: Heading, h6: Heading, img: ImageAlt };

export function FramingMarkdown({ text }: { text: string }) {
  const hast = toHast(fromMarkdown(text));
  return toJsxRuntime(hast, { Fragment, jsx, jsxs, components });
}
