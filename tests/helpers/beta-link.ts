import { expect } from "vitest";
import { TEST_EDITOR_TOKEN } from "./server";

/** Signs in as an editor and returns the Cookie header. */
export async function editorCookie(base: string, token = TEST_EDITOR_TOKEN): Promise<string> {
  const r = await fetch(`${base}/editor?token=${token}`, { redirect: "manual" });
  expect(r.status).toBe(303);
  return /installment_editor=[^;]*/.exec(r.headers.get("set-cookie") ?? "")?.[0] ?? "";
}

/** POSTs the dashboard's beta-link form as a browser on the same origin would. */
export function postBetaForm(
  base: string,
  cookie: string,
  fields: Record<string, string>,
  origin: string | null = base,
): Promise<Response> {
  const headers: Record<string, string> = { cookie, "content-type": "application/x-www-form-urlencoded" };
  if (origin !== null) headers.origin = origin;
  return fetch(`${base}/editor/beta-links`, { method: "POST", headers, body: new URLSearchParams(fields).toString(), redirect: "manual" });
}

/** The beta links listed on the dashboard, newest last. */
export async function listedBetaLinks(base: string, cookie: string): Promise<string[]> {
  const html = await (await fetch(`${base}/editor`, { headers: { cookie } })).text();
  return [...html.matchAll(/(?:https?:\/\/[^"<\s]*)?(\/beta\/[a-z0-9-]+\/[A-Za-z0-9_-]{22}\.\d+\.[A-Za-z0-9_-]{43})/g)]
    .map((m) => m[1]!)
    .filter((p, i, all) => all.indexOf(p) === i);
}

/** Makes a beta link to `slug` from the dashboard and returns its path. */
export async function makeBetaLink(base: string, cookie: string, slug: string, days = "7"): Promise<string> {
  const before = await listedBetaLinks(base, cookie);
  const r = await postBetaForm(base, cookie, { action: "create", slug, days });
  expect(r.status).toBe(303);
  const made = (await listedBetaLinks(base, cookie)).filter((p) => !before.includes(p));
  expect(made).toHaveLength(1);
  return made[0]!;
}
