import type { Env } from "../env";
import { describeClockSpec, type ClockSpec } from "../schedule/clock-spec";

/**
 * A production site on a frozen or replay clock publishes whatever that clock
 * says is out: a RELEASE_CLOCK left over from a preview would release the
 * future to every reader. So a simulated clock needs saying twice:
 * `--simulated-clock` (npm start) or INSTALLMENT_SIMULATED_CLOCK=1.
 */
export function refuseUnacknowledgedClock(env: Env, spec: ClockSpec): void {
  if (spec.kind === "real" || env.INSTALLMENT_SIMULATED_CLOCK === "1") return;
  const what = describeClockSpec(spec, spec.kind === "frozen" ? spec.at : spec.start);
  throw new Error(
    `RELEASE_CLOCK=${JSON.stringify(env.RELEASE_CLOCK)} is a ${what.replace(/ \(story time now .*\)$/, "")}: the site would publish what that clock says is out, not what is out now. ` +
      "Unset RELEASE_CLOCK for the real clock, or pass --simulated-clock (or INSTALLMENT_SIMULATED_CLOCK=1) if a simulated clock is what you mean",
  );
}
