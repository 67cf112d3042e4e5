import type { IncomingMessage, ServerResponse } from "node:http";
import { readEnv } from "../env";
import { realTime } from "../clock";
import { betaCandidates } from "../site/beta-view";
import { BETA_DEFAULT_DAYS, betaLinkKey, betaLinkStore, issueBetaLink } from "./beta-links";
import { editorAccess } from "./editor-access";
import { guardRequest } from "./request-guard";
import { plainResponse } from "./plain-response";
import { logJson } from "./log";
import type { Runtime } from "./runtime";

import { BETA_FORM_PATH } from "./beta-form-path";
const MAX_BODY = 4096;

/**
 * The dashboard's beta-link form: `POST /editor/beta-links` with
 * `action=create&slug=…&days=…` or `action=revoke&id=…`. Only a signed-in
 * editor's POST from a page of this very site is taken (its Origin names this
 * host, and a fetch metadata header, when sent, says same-origin); returns
 * false for every other request, so a reader's POST is the ordinary 405.
 */
export async function handleBetaForm(req: IncomingMessage, res: ServerResponse, runtime: Runtime): Promise<boolean> {
  if (req.method !== "POST") return false;
  const guard = guardRequest(req, true);
  if (!guard.ok || guard.pathname !== BETA_FORM_PATH) return false;
  const token = readEnv().EDITOR_TOKEN;
  if (!token) return false;
  await runtime.ready;
  const editor = editorAccess(req, res, runtime);
  if (editor.handled) return true;
  if (!editor.signedIn) return false;
  if (!sameOrigin(req)) return done(res, 403, "Forbidden: this form is only taken from a page of this site");
  if (!String(req.headers["content-type"] ?? "").startsWith("application/x-www-form-urlencoded"))
    return done(res, 415, "Unsupported Media Type");
  const body = await readBody(req);
  if (body === null) return done(res, 413, "Payload Too Large");
  const form = new URLSearchParams(body);
  const now = realTime();
  const store = betaLinkStore();
  if (form.get("action") === "create") {
    const slug = form.get("slug") ?? "";
    if (!betaCandidates(runtime.snapshot(), runtime.clock.now()).some((c) => c.slug === slug)) {
      return done(res, 400, `Bad Request: "${slug.slice(0, 80)}" is not an unreleased chapter`);
    }
    const daysText = form.get("days") || String(BETA_DEFAULT_DAYS);
    const days = /^\d{1,3}$/.test(daysText) ? Number(daysText) : NaN;
    let link;
    try {
      link = issueBetaLink(betaLinkKey(token), slug, now, days);
    } catch (error) {
      return done(res, 400, `Bad Request: ${(error as Error).message}`);
    }
    store.record(link, now);
    logJson({ event: "beta-link-made", slug, id: link.id, expires: new Date(link.expires).toISOString() });
    return seeOther(res);
  }
  if (form.get("action") === "revoke") {
    const id = form.get("id") ?? "";
    if (!store.revoke(id, now)) return done(res, 400, "Bad Request: no such beta link");
    logJson({ event: "beta-link-revoked", id });
    return seeOther(res);
  }
  return done(res, 400, "Bad Request: action must be create or revoke");
}

/** The Origin header names this host; a browser's Sec-Fetch-Site, when present, agrees. */
function sameOrigin(req: IncomingMessage): boolean {
  const origin = req.headers.origin;
  const host = req.headers.host;
  if (!origin || !host) return false;
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    return false;
  }
  const site = req.headers["sec-fetch-site"];
  return originHost === host && (site === undefined || site === "same-origin");
}

function readBody(req: IncomingMessage): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) {
        // Stop keeping it; the rest is read and dropped so the answer still gets through.
        req.removeAllListeners("data");
        req.resume();
        resolve(null);
      } else chunks.push(chunk);
    });
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

function seeOther(res: ServerResponse): true {
  res.statusCode = 303;
  res.setHeader("Location", "/editor#beta-links");
  res.setHeader("Cache-Control", "no-store");
  res.end();
  return true;
}

function done(res: ServerResponse, status: number, message: string): true {
  plainResponse(res, status, message);
  return true;
}
