import { LRUCache } from "lru-cache";

/**
 * Failed sign-ins per client address over a rolling window. Past `max`
 * failures, every sign-in from that address is refused until the oldest
 * failure leaves the window, the right token included: otherwise the limit
 * would only slow a guesser down. Kept per instance, in memory (bounded).
 */
export class SignInLimit {
  private readonly failures: LRUCache<string, number[]>;

  constructor(
    readonly max = 10,
    readonly windowMs = 60_000,
  ) {
    this.failures = new LRUCache({ max: 10_000, ttl: windowMs });
  }

  /** Seconds until `address` may try again; 0 when it may now. */
  retryAfter(address: string, now: number): number {
    const recent = this.recent(address, now);
    if (recent.length < this.max) return 0;
    return Math.max(1, Math.ceil((recent[recent.length - this.max]! + this.windowMs - now) / 1000));
  }

  fail(address: string, now: number): void {
    this.failures.set(address, [...this.recent(address, now), now]);
  }

  private recent(address: string, now: number): number[] {
    return (this.failures.get(address) ?? []).filter((t) => t > now - this.windowMs);
  }
}
