// The "naive rendering" the Lighthouse bench compares against: how a chapter
// would be published without Installment, the way 17776 was. Same text, every
// original GIF as a plain <img> (no width/height, no lazy loading), stills as
// the original files, the YouTube player embedded directly as an iframe. No
// JavaScript of our own. Pure: the caller decides the URLs of media files.

export interface NaiveChapterInput {
  /** Chapter title (from the frontmatter). */
  title: string;
  /** Story title, for the <title> and the header. */
  storyTitle?: string;
  /** Language of the page. */
  lang?: string;
  /** The chapter's .mdx source, frontmatter included or not. */
  mdx: string;
  /** URL for a media path as written in the chapter (e.g. "./media/x.gif"). */
  mediaUrl: (src: string) => string;
}

/** Splits off a leading YAML frontmatter block. */
export function stripFrontmatter(mdx: string): string {
  const m = /^---\r?\n[\s\S]*?\r?\n---\r?\n?/.exec(mdx);
  return m ? mdx.slice(m[0].length) : mdx;
}

/** Attributes of a JSX-ish tag: `a="x"`, `a='x'`, `a={30}`, `a={"x"}`, bare `a`. */
export function parseAttributes(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const re = /([A-Za-z_][\w-]*)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|\{\s*(?:"([^"]*)"|'([^']*)'|([^}]*))\s*\}))?/g;
  for (const m of text.matchAll(re)) {
    out[m[1]!] = m[2] ?? m[3] ?? m[4] ?? m[5] ?? (m[6] !== undefined ? m[6].trim() : "true");
  }
  return out;
}

/** Every GIF path a chapter's text uses (`src` or `media` attributes), in order, once each. */
export function gifPathsOf(mdx: string): string[] {
  const seen = new Set<string>();
  for (const m of mdx.matchAll(/\b(?:src|media)\s*=\s*(?:\{\s*)?["']([^"'\n]+?\.gif)["']/gi)) {
    const src = m[1]!;
    if (/^[a-z]+:/i.test(src) || src.startsWith("//")) continue;
    seen.add(src);
  }
  return [...seen];
}

export function escapeHtml(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** Inline markdown: *em*, **strong**, `code`, after escaping. */
function inline(text: string): string {
  return escapeHtml(text)
    .replace(/\*\*([^*]+)\*\*/g, "<strong>$1</strong>")
    .replace(/\*([^*]+)\*/g, "<em>$1</em>")
    .replace(/_([^_]+)_/g, "<em>$1</em>")
    .replace(/`([^`]+)`/g, "<code>$1</code>");
}

function figure(src: string, alt: string, caption: string | undefined, mediaUrl: (s: string) => string): string {
  const img = `<img src="${escapeHtml(mediaUrl(src))}" alt="${escapeHtml(alt)}">`;
  return caption ? `<figure>${img}<figcaption>${inline(caption)}</figcaption></figure>` : `<figure>${img}</figure>`;
}

/** A line of dialogue, "NAME: text" or "NAME (aside): text", as a paragraph. */
function dialogueLine(line: string): string {
  const m = /^([A-Za-z][\w .'-]*?)(?:\s*\(([^)]*)\))?:\s+(.*)$/.exec(line);
  if (!m) return `<p>${inline(line)}</p>`;
  return `<p><b>${escapeHtml(m[1]!)}</b>${m[2] ? ` <i>(${escapeHtml(m[2])})</i>` : ""}: ${inline(m[3]!)}</p>`;
}

/**
 * The naive page for one chapter. Handles the components the engine offers
 * (Gif, Still, YouTube, Dialogue, Line, Pause, Scrolly, Step) well enough for
 * a byte and speed comparison; it is not a second renderer.
 */
export function naiveChapterHtml(input: NaiveChapterInput): string {
  const body: string[] = [];
  let inDialogue = false;
  let paragraph: string[] = [];
  const flush = () => {
    if (paragraph.length) body.push(`<p>${inline(paragraph.join(" "))}</p>`);
    paragraph = [];
  };
  const lines = stripFrontmatter(input.mdx).split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    let line = lines[i]!.trim();
    // Tags may span lines: gather until the tag closes.
    if (/^<[A-Z]/.test(line)) {
      while (!/>\s*$/.test(line) && i + 1 < lines.length) line += " " + lines[++i]!.trim();
    }
    const tag = /^<\/?([A-Z][A-Za-z]*)\b([\s\S]*?)\/?>\s*(.*)$/.exec(line);
    if (tag) {
      flush();
      const name = tag[1]!;
      const closing = line.startsWith("</");
      const attrs = parseAttributes(tag[2] ?? "");
      if (closing) {
        if (name === "Dialogue") inDialogue = false;
        if (name === "Step" || name === "Scrolly") body.push(`</section>`);
        continue;
      }
      switch (name) {
        case "Dialogue":
          inDialogue = true;
          break;
        case "Gif":
        case "Still":
          if (attrs.src) body.push(figure(attrs.src, attrs.alt ?? "", attrs.caption, input.mediaUrl));
          break;
        case "Step":
          body.push(`<section>`);
          if (attrs.media) body.push(figure(attrs.media, attrs.alt ?? "", attrs.caption, input.mediaUrl));
          break;
        case "Scrolly":
          body.push(`<section>`);
          break;
        case "YouTube": {
          const start = attrs.start ? `?start=${encodeURIComponent(attrs.start)}` : "";
          body.push(
            `<iframe width="560" height="315" src="https://www.youtube.com/embed/${encodeURIComponent(attrs.id ?? "")}${start}" title="${escapeHtml(attrs.title ?? "YouTube video")}" frameborder="0" allow="accelerometer; autoplay; clipboard-write; encrypted-media; gyroscope; picture-in-picture" allowfullscreen></iframe>`,
          );
          break;
        }
        case "Line": {
          const text = (tag[3] ?? "").replace(/<\/Line>\s*$/, "");
          body.push(`<p><b>${escapeHtml(attrs.speaker ?? "")}</b>: ${inline(text)}</p>`);
          break;
        }
        case "Pause":
          body.push(`<hr>`);
          break;
        default:
          break;
      }
      continue;
    }
    if (line === "") {
      flush();
      continue;
    }
    if (inDialogue) body.push(dialogueLine(line));
    else paragraph.push(line);
  }
  flush();
  const lang = input.lang ?? "en";
  const story = input.storyTitle ? `${escapeHtml(input.storyTitle)}: ` : "";
  return `<!doctype html>
<html lang="${escapeHtml(lang)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${story}${escapeHtml(input.title)}</title>
<meta name="description" content="${escapeHtml(input.title)}">
<style>body{background:#000;color:#eee;font:18px/1.5 Georgia,serif;max-width:40em;margin:0 auto;padding:1em}img{max-width:100%}figure{margin:2em 0}hr{border:0;height:30vh}</style>
</head>
<body>
<main>
<h1>${escapeHtml(input.title)}</h1>
${body.join("\n")}
</main>
</body>
</html>
`;
}
