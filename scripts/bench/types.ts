// What every bench takes and returns. Its own module, so benches need not
// import the dispatcher that imports them.

export interface BenchOptions {
  /** Content root (default `chapters`, or $CHAPTERS_DIR). */
  chapters: string;
  /** `--story generated`: the media bench's untuned story instead of the content root. */
  story?: "generated";
  /** `--jobs`: the media bench's GIFs transcoded at once. */
  jobs?: number;
  /** `--store`: the media bench's store, kept afterwards. */
  store?: string;
}

/** false when the bench misses a goal; null or nothing when it has none. */
export type Bench = (opts: BenchOptions) => Promise<boolean | null | void>;
