import type { RequestContext } from "../../lib/server/request-context";

/** Tells editors when the site is not showing the real present. */
export function ClockBanner({ ctx }: { ctx: RequestContext }) {
  const notes: string[] = [];
  if (ctx.runtime.clock.kind !== "real") notes.push(`Clock: ${ctx.runtime.clock.describe()}`);
  if (ctx.asOf !== null) notes.push(`Viewing the site as of ${new Date(ctx.asOf).toISOString()}`);
  if (ctx.audience === "preview") notes.push("Preview: unreleased and draft chapters are visible");
  if (notes.length === 0) return null;
  return (
    <aside className="clock-banner" aria-label="Site status">
      {notes.join(" · ")}
    </aside>
  );
}
