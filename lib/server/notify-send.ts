import type { ResolvedEndpoint } from "../notify/notify-config";

export type SendResult = { ok: true; status: number } | { ok: false; error: string };

/** Replaces every secret (token, webhook URL or its path) in `text`, for logs and the outbox. */
export function redact(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const s of [...secrets].sort((a, b) => b.length - a.length)) if (s.length > 1) out = out.split(s).join("[secret]");
  return out;
}

/**
 * One POST of a notification, bounded by `timeoutMs`. The Idempotency-Key
 * (Mastodon honours it) makes a repeated attempt of the same entry post once.
 * Any 2xx is delivered; everything else is a failure to retry.
 */
export async function sendNotification(
  endpoint: ResolvedEndpoint,
  body: unknown,
  idempotencyKey: string,
  timeoutMs: number,
): Promise<SendResult> {
  try {
    const res = await fetch(endpoint.url, {
      method: "POST",
      headers: { ...endpoint.headers, "idempotency-key": idempotencyKey, "user-agent": "Installment release notifier" },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(timeoutMs),
      redirect: "error",
    });
    await res.arrayBuffer().catch(() => undefined);
    if (res.ok) return { ok: true, status: res.status };
    return { ok: false, error: `HTTP ${res.status}` };
  } catch (error) {
    const e = error as Error & { cause?: { code?: string; message?: string } };
    const detail = e.name === "TimeoutError" ? `no answer within ${timeoutMs} ms` : (e.cause?.code ?? e.cause?.message ?? e.message);
    return { ok: false, error: redact(String(detail), endpoint.secrets) };
  }
}
