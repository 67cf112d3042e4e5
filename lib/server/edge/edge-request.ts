import type { Audience } from "../../site/visibility";

/** What the router has decided about a request before a module answers it. */
export interface EdgeRequest {
  /** Decoded path, as routes match it. */
  pathname: string;
  /** The path as sent, for Next. */
  rawPath: string;
  query: string;
  /** The clock's instant for this request: story time. */
  now: number;
  /** The instant the site is shown as of: an editor's as-of, else `now`. */
  at: number;
  audience: Audience;
  /** A signed-in editor's chosen instant, or null. */
  asOf: number | null;
  signedIn: boolean;
}
