import type { Root } from "mdast";
import { visit } from "unist-util-visit";
import type { MediaKind, MediaRef } from "../types";
import { GIF_EXTENSIONS, STILL_EXTENSIONS, resolveMediaPath } from "../resolve-media-path";
import { isJsx, readAttr, requireString, setAttr, type JsxElement, type Reporter } from "./jsx";

export interface MediaOptions {
  root: string;
  chapterDir: string;
  report: Reporter;
  /** Filled with every media file the chapter uses. */
  media: MediaRef[];
}

interface MediaAttr {
  attr: string;
  kind: MediaKind;
  allowed: readonly string[];
  /** Whether the element may omit the attribute. */
  optional: boolean;
  needsAlt: boolean;
}

const MEDIA_ATTRS: Record<string, MediaAttr> = {
  Gif: { attr: "src", kind: "gif", allowed: GIF_EXTENSIONS, optional: false, needsAlt: true },
  Still: { attr: "src", kind: "still", allowed: STILL_EXTENSIONS, optional: false, needsAlt: true },
  Step: { attr: "media", kind: "gif", allowed: STILL_EXTENSIONS, optional: true, needsAlt: true },
  YouTube: { attr: "poster", kind: "still", allowed: STILL_EXTENSIONS, optional: true, needsAlt: false },
};

/**
 * Checks every media reference and rewrites it to a path relative to the
 * content root, which is the key the media manifest uses.
 */
export function remarkMedia(options: MediaOptions) {
  return (tree: Root) => {
    let first = true;
    const opening = openingBlock(tree);
    visit(tree, (node) => {
      if (!isJsx(node) || !node.name) return;
      const spec = MEDIA_ATTRS[node.name];
      if (!spec) return;
      const ok = checkMedia(node, spec);
      if (!ok || node.name === "YouTube" || !first) return;
      first = false;
      // The first picture is the largest paint only when it opens the chapter
      // (right under the title, above the fold): only then is it loaded eagerly
      // with high priority. Further down, the title text is the LCP element.
      if (opening.has(node)) setAttr(node, "priority", "true");
    });
  };

  function checkMedia(el: JsxElement, spec: MediaAttr): boolean {
    const present = readAttr(el, spec.attr).kind !== "missing";
    if (!present && spec.optional) return false;
    const written = requireString(el, spec.attr, options.report);
    if (spec.needsAlt) {
      const alt = readAttr(el, "alt");
      if (alt.kind === "missing") {
        options.report(el, `<${el.name}> needs alt="…" describing the image for readers who cannot see it (alt="" only for decoration)`);
      } else if (alt.kind !== "string") {
        options.report(el, `<${el.name}> alt must be a plain string in quotes`);
      }
    }
    if (written === null) return false;
    const kind: MediaKind = spec.kind === "gif" && !written.toLowerCase().endsWith(".gif") ? "still" : spec.kind;
    const resolved = resolveMediaPath(written, options.chapterDir, options.root, spec.allowed);
    if (!resolved.ok) {
      options.report(el, resolved.message);
      return false;
    }
    setAttr(el, spec.attr, resolved.rel);
    if (!options.media.some((m) => m.path === resolved.rel && m.kind === kind)) {
      options.media.push({ kind, path: resolved.rel, abs: resolved.abs });
    }
    return true;
  }
}

/** Every node of the chapter's first block (ESM imports and blank text skipped). */
function openingBlock(tree: Root): Set<unknown> {
  const nodes = new Set<unknown>();
  const block = tree.children.find(
    (c) =>
      (c.type as string) !== "mdxjsEsm" &&
      c.type !== "yaml" &&
      !(c.type === "paragraph" && c.children.every((t) => t.type === "text" && !t.value.trim())),
  );
  if (block) visit(block, (n) => void nodes.add(n));
  return nodes;
}
