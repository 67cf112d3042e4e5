import { LRUCache } from "lru-cache";

/** A rendered response, kept whole so it can be served to many readers. */
export interface CachedResponse {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
  /** gzip of body, when the type compresses well. */
  gzip: Buffer | null;
}

/** What an entry costs in memory, roughly: its bodies, headers and key. */
export function entryBytes(value: CachedResponse, key: string): number {
  let headers = 0;
  for (const [k, v] of Object.entries(value.headers)) headers += k.length + v.length;
  return value.body.length + (value.gzip?.length ?? 0) + headers + key.length + 64;
}

/**
 * Rendered responses keyed by release state (the key carries it), bounded by
 * bytes (least recently used out first), with single-flight rendering: a
 * thousand readers arriving at a release together cause one render, not a
 * thousand.
 */
export class PageCache {
  private readonly entries: LRUCache<string, CachedResponse>;
  private readonly inFlight = new Map<string, Promise<CachedResponse>>();

  constructor(readonly maxBytes: number) {
    this.entries = new LRUCache<string, CachedResponse>({ maxSize: maxBytes, sizeCalculation: entryBytes });
  }

  get(key: string): CachedResponse | undefined {
    return this.entries.get(key);
  }

  async getOrRender(key: string, render: () => Promise<CachedResponse>, store: (r: CachedResponse) => boolean): Promise<CachedResponse> {
    const hit = this.entries.get(key);
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

  /** Stores `value` unless it alone is larger than the whole cache. */
  set(key: string, value: CachedResponse): void {
    if (entryBytes(value, key) <= this.maxBytes) this.entries.set(key, value);
  }

  /** Drops every entry whose key does not start with one of `prefixes`. */
  retain(prefixes: string[]): void {
    for (const key of [...this.entries.keys()]) if (!prefixes.some((p) => key.startsWith(p))) this.entries.delete(key);
  }

  get size(): number {
    return this.entries.size;
  }

  /** Bytes held, by `entryBytes`; never more than `maxBytes`. */
  get bytes(): number {
    return this.entries.calculatedSize;
  }
}
