import { Agent, type ServerResponse } from "node:http";
import { plainResponse } from "./plain-response";

/** How long the edge keeps an idle keep-alive socket to the backend (which keeps them longer). */
export const IDLE_SOCKET_MS = 15_000;

/** A render the pool would not run or finish in time: answered with `status` and `Retry-After`. */
export class RenderRefused extends Error {
  constructor(
    readonly status: 503 | 504,
    readonly retryAfterSeconds: number,
  ) {
    super(status === 503 ? "Service Unavailable: too many renders waiting" : "Gateway Timeout: the render took too long");
  }
}

/** 503 or 504 with Retry-After: never cached, never a hang. */
export function answerRefused(res: ServerResponse, error: RenderRefused): void {
  res.setHeader("Retry-After", String(error.retryAfterSeconds));
  plainResponse(res, error.status, error.message);
}

export interface RenderPoolOptions {
  /** Tasks running at once; also the pool's sockets to the backend. */
  concurrency: number;
  /** Tasks waiting for a slot; one more is refused with a 503. */
  queue: number;
  /** From submission (queue wait included); a task still unfinished is aborted and refused with a 504. */
  timeoutMs: number;
}

interface Waiting {
  start: () => void;
  cancel: () => void;
}

/**
 * A bounded set of backend requests with their own keep-alive sockets: page
 * renders and build assets each get one, so neither can starve the other,
 * and nothing a client does can make a render wait forever.
 */
export class RenderPool {
  readonly agent: Agent;
  private active = 0;
  private waiting: Waiting[] = [];

  constructor(private readonly options: RenderPoolOptions) {
    // An idle socket is dropped after IDLE_SOCKET_MS, long before the backend would close it.
    this.agent = new Agent({ keepAlive: true, maxSockets: options.concurrency, timeout: IDLE_SOCKET_MS });
  }

  run<T>(task: (signal: AbortSignal) => Promise<T>): Promise<T> {
    const { concurrency, queue, timeoutMs } = this.options;
    const retryAfter = Math.max(1, Math.ceil(timeoutMs / 1000));
    if (this.active >= concurrency && this.waiting.length >= queue) return Promise.reject(new RenderRefused(503, retryAfter));
    return new Promise<T>((resolve, reject) => {
      const controller = new AbortController();
      let running = false;
      let settled = false;
      const settle = (fn: () => void) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        fn();
      };
      const entry: Waiting = {
        start: () => {
          running = true;
          this.active++;
          task(controller.signal)
            .then(
              (v) => settle(() => resolve(v)),
              (e: unknown) => settle(() => reject(e)),
            )
            .finally(() => {
              this.active--;
              this.next();
            });
        },
        cancel: () => {
          this.waiting = this.waiting.filter((w) => w !== entry);
        },
      };
      const timer = setTimeout(() => {
        if (!running) entry.cancel();
        controller.abort();
        settle(() => reject(new RenderRefused(504, retryAfter)));
      }, timeoutMs);
      if (this.active < concurrency) entry.start();
      else this.waiting.push(entry);
    });
  }

  /** Running and waiting tasks, for tests and logs. */
  get load(): { active: number; waiting: number } {
    return { active: this.active, waiting: this.waiting.length };
  }

  close(): void {
    this.agent.destroy();
  }

  private next(): void {
    const w = this.waiting.shift();
    if (w) w.start();
  }
}
