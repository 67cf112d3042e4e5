import { z } from "zod";
import type { Diagnostic } from "../content/types";
import { diagnosticAt, positionAt } from "../yaml/yaml-file";
import { validateYaml } from "../yaml/yaml-diagnostics";

// notify.yaml (next to story.yaml): where release notifications go. Secrets
// (a token, a webhook URL whose path is its key) are never written here: the
// file names the environment variable that holds each one.

const envName = z.string().regex(/^[A-Z_][A-Z0-9_]*$/, { message: "must be an environment variable name like MASTODON_TOKEN" });
const httpUrl = z.url({ protocol: /^https?$/, message: "must be an absolute http(s) URL" });
const name = z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/, { message: "names use lower-case letters, digits and - (at most 40)" });

const hookFields = { name, url: httpUrl.optional(), urlEnv: envName.optional() };
const endpointSchema = z.discriminatedUnion(
  "kind",
  [
    z.strictObject({ kind: z.literal("webhook"), ...hookFields, tokenEnv: envName.optional() }),
    z.strictObject({ kind: z.literal("discord"), ...hookFields }),
    z.strictObject({ kind: z.literal("slack"), ...hookFields }),
    z.strictObject({
      kind: z.literal("mastodon"),
      name,
      instance: httpUrl,
      tokenEnv: envName,
      visibility: z.enum(["public", "unlisted", "private"]).optional(),
    }),
  ],
  { message: "kind must be webhook, discord, slack or mastodon" },
);

export const notifySchema = z.strictObject({
  /** A release older than this when the site first sees it live is not announced (a fresh site stays quiet about its back catalogue). */
  catchUpMinutes: z.number().min(0).max(1440).default(30),
  timeoutSeconds: z.number().min(0.1).max(60).default(10),
  retry: z
    .strictObject({
      attempts: z.number().int().min(1).max(20).default(8),
      firstDelaySeconds: z.number().min(0.1).max(3600).default(5),
      maxDelaySeconds: z.number().min(0.1).max(86400).default(600),
    })
    .default({ attempts: 8, firstDelaySeconds: 5, maxDelaySeconds: 600 }),
  endpoints: z.array(endpointSchema).min(1, { message: "list at least one endpoint" }),
});

export type NotifyConfig = z.infer<typeof notifySchema>;
export type EndpointConfig = NotifyConfig["endpoints"][number];
export type EndpointKind = EndpointConfig["kind"];

export function parseNotifyConfig(text: string, file: string): { config: NotifyConfig | null; diagnostics: Diagnostic[] } {
  const { yaml, value, diagnostics } = validateYaml(notifySchema, text, file);
  if (!value) return { config: null, diagnostics };
  const error = (path: readonly PropertyKey[], message: string) => diagnosticAt(yaml, positionAt(yaml, path), message);
  const seen = new Set<string>();
  value.endpoints.forEach((e, i) => {
    if (seen.has(e.name))
      diagnostics.push(
        error(["endpoints", i, "name"], `endpoints[${i}].name: "${e.name}" is used twice; each endpoint needs its own name`),
      );
    seen.add(e.name);
    if (e.kind !== "mastodon" && (e.url === undefined) === (e.urlEnv === undefined)) {
      diagnostics.push(error(["endpoints", i], `endpoints[${i}]: give url or urlEnv, ${e.url === undefined ? "one of them" : "not both"}`));
    }
  });
  return { config: diagnostics.length ? null : value, diagnostics };
}

/** An endpoint ready to send to: its URL and headers, and every secret string to keep out of logs. */
export interface ResolvedEndpoint {
  name: string;
  kind: EndpointKind;
  config: EndpointConfig;
  url: string;
  headers: Record<string, string>;
  secrets: string[];
}

/** Reads each endpoint's secrets from `env`; an endpoint whose variable is unset is left out, with a problem naming the variable. */
export function resolveEndpoints(
  config: NotifyConfig,
  env: Readonly<Record<string, string | undefined>>,
): { endpoints: ResolvedEndpoint[]; problems: string[] } {
  const endpoints: ResolvedEndpoint[] = [];
  const problems: string[] = [];
  for (const e of config.endpoints) {
    const read = (variable: string): string | null => {
      const v = env[variable];
      if (v === undefined || v === "") {
        problems.push(`${e.name}: the environment variable ${variable} is not set`);
        return null;
      }
      return v;
    };
    const headers: Record<string, string> = { "content-type": "application/json" };
    const secrets: string[] = [];
    let url: string | null;
    if (e.kind === "mastodon") {
      const token = read(e.tokenEnv);
      if (token === null) continue;
      url = `${e.instance.replace(/\/+$/, "")}/api/v1/statuses`;
      headers.authorization = `Bearer ${token}`;
      secrets.push(token);
    } else {
      url = e.url ?? read(e.urlEnv!);
      if (url === null) continue;
      if (e.urlEnv !== undefined) secrets.push(url, new URL(url).pathname);
      if (e.kind === "webhook" && e.tokenEnv !== undefined) {
        const token = read(e.tokenEnv);
        if (token === null) continue;
        headers.authorization = `Bearer ${token}`;
        secrets.push(token);
      }
    }
    endpoints.push({ name: e.name, kind: e.kind, config: e, url, headers, secrets: secrets.filter((s) => s.length > 1) });
  }
  return { endpoints, problems };
}

/** Where an endpoint sends, for printing: a URL from the environment is shown as its variable's name. */
export function describeTarget(e: EndpointConfig): string {
  if (e.kind === "mastodon") return `${e.instance.replace(/\/+$/, "")}/api/v1/statuses (token from $${e.tokenEnv})`;
  return e.url ?? `$${e.urlEnv}`;
}
