/** A rendered response, kept whole so it can be served to many readers. */
export interface CachedResponse {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
  /** gzip of body, when the type compresses well. */
  gzip: Buffer | null;
}

/**
 * Rendered pages keyed by release state (the key carries it), with
 * single-flight rendering: a thousand readers arriving at a release together
 * cause one render, not a thousand.
 */
export class PageCache {
  private entries = new Map<string, CachedResponse>();
  private inFlight = new Map<string, Promise<CachedResponse>>();

  constructor(private readonly limit = 1000) {}

  get(key: string): CachedResponse | undefined {
    const hit = this.entries.get(key);
    if (hit) {
      this.entries.delete(key);
      this.entries.set(key, hit);
    }
    return hit;
  }

  async getOrRender(key: string, render: () => Promise<CachedResponse>, store: (r: CachedResponse) => boolean): Promise<CachedResponse> {
    const hit = this.get(key);
    if (hit) return hit;
    const pending = this.inFlight.get(key);
    if (pending) return pending;
    const promise = render()
      .then((r) => {
        if (store(r)) this.set(key, r);
        return r;
      })
      .finally(() => this.inFlight.delete(key));
    this.inFlight.set(key, promise);
    return promise;
  }

  set(key: string, value: CachedResponse): void {
    this.entries.delete(key);
    this.entries.set(key, value);
    while (this.entries.size > this.limit) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
  }

  /** Drops every entry whose key does not start with one of `prefixes`. */
  retain(prefixes: string[]): void {
    for (const key of this.entries.keys()) if (!prefixes.some((p) => key.startsWith(p))) this.entries.delete(key);
  }

  get size(): number {
    return this.entries.size;
  }
}
