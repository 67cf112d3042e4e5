import type { SiteView } from "../../site/visibility";
import type { Runtime } from "../runtime";

/**
 * What every edge cache keys on first: the content version and the release
 * state, so a reload or a release makes every older entry unreachable.
 */
export function stateKey(runtime: Pick<Runtime, "version">, view: SiteView): string {
  return `${runtime.version()}|${view.stateKey}`;
}
