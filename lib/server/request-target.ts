export type TargetResult =
  | {
      ok: true;
      /** As sent, still percent-encoded. */ rawPath: string;
      /** Decoded. */ pathname: string;
      /** Without the `?`. */ query: string;
    }
  | { ok: false; status: number; message: string };

const MAX_TARGET = 4096;
const BASE = "http://edge.invalid";

/**
 * Reads an HTTP request target the way every later step will, and refuses
 * (4xx) any target a later step could misread: only origin-form (`/path?query`)
 * is served; `//host…`, backslashes, absolute-form (`http://other/…`),
 * asterisk-form, dot segments, undecodable escapes, control characters and overlong
 * targets are refused here, so `new URL(req.url, base)` never throws later
 * and never lands on another host.
 */
export function parseRequestTarget(target: string): TargetResult {
  if (target.length > MAX_TARGET) return { ok: false, status: 414, message: "URI Too Long" };
  if (!target.startsWith("/") || target.startsWith("//") || target.includes("\\")) return bad();
  const q = target.indexOf("?");
  const rawPath = q >= 0 ? target.slice(0, q) : target;
  const query = q >= 0 ? target.slice(q + 1) : "";
  if (rawPath.includes("#")) return bad();
  let pathname: string;
  try {
    pathname = decodeURIComponent(rawPath);
    // Query values are decoded by the renderer later; undecodable ones are refused here.
    for (const part of query.split("&")) if (part) decodeURIComponent(part.replace(/\+/g, " "));
    const url = new URL(target, BASE);
    if (url.origin !== BASE) return bad();
  } catch {
    return bad();
  }
  // Control characters are exactly what this check is for.
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(pathname) || pathname.startsWith("//") || pathname.includes("\\")) return bad();
  // Browsers resolve dot segments before sending; only a probe sends `..` (or `%2e%2e`).
  if (pathname.split("/").some((segment) => segment === "." || segment === "..")) return bad();
  return { ok: true, rawPath, pathname, query };
}

function bad(): TargetResult {
  return { ok: false, status: 400, message: "Bad Request" };
}
