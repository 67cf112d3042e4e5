// The static export's `_headers` file (the format Netlify and Cloudflare Pages
// read): the headers the live edge sends, from the same modules, so a CDN
// serving the export behaves like the site.
import { IMMUTABLE_CACHE_CONTROL } from "../media/serve-path";
import type { Env } from "../env";
import { IMMUTABLE_PATH_PREFIXES, SERVICE_WORKER_CACHE_CONTROL, SERVICE_WORKER_PATH } from "./edge-cache-policy";
import { staticSecurityHeaders } from "./security-headers";

export interface ExportedPage {
  /** URL path of an HTML page, e.g. `/` or `/dawn/`. */
  path: string;
  /** Its Content-Security-Policy as the edge sent it (the hashes of its own inline scripts). */
  csp: string;
}

/** Header rules per path pattern, sorted by pattern so the same export gives the same bytes. */
export function exportHeaderRules(
  pages: readonly ExportedPage[],
  env?: Pick<Env, "INSTALLMENT_BENCH_NO_COOP">,
): [pattern: string, headers: Record<string, string>][] {
  const rules: [string, Record<string, string>][] = [
    ["/*", staticSecurityHeaders(env)],
    [SERVICE_WORKER_PATH, { "Cache-Control": SERVICE_WORKER_CACHE_CONTROL }],
    ...IMMUTABLE_PATH_PREFIXES.map((prefix): [string, Record<string, string>] => [
      `${prefix}*`,
      { "Cache-Control": IMMUTABLE_CACHE_CONTROL },
    ]),
    ...pages.map((p): [string, Record<string, string>] => [p.path, { "Content-Security-Policy": p.csp }]),
  ];
  return rules.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

export function exportHeadersFile(pages: readonly ExportedPage[], env?: Pick<Env, "INSTALLMENT_BENCH_NO_COOP">): string {
  return exportHeaderRules(pages, env)
    .map(([pattern, headers]) => [pattern, ...Object.entries(headers).map(([k, v]) => `  ${k}: ${v}`)].join("\n"))
    .join("\n")
    .concat("\n");
}
