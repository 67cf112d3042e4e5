// Shapes of the release schedule. Instants are epoch milliseconds (UTC) so the
// core can compare them without a time library; zones live only at the edges
// where wall times are parsed or printed.

export interface Release {
  /** Epoch milliseconds. */
  at: number;
  /** Chapter numbers released at this instant, ascending. */
  chapters: number[];
  /** 1-based line of the entry in schedule.yaml, for diagnostics. */
  line: number;
}

export interface Schedule {
  /** IANA zone that wall times are written in. */
  timezone: string;
  /** Sorted by `at`, ascending. */
  releases: Release[];
}

export type ReleaseState = { state: "released"; at: number } | { state: "upcoming"; at: number } | { state: "draft" };
