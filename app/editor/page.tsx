import type { Metadata } from "next";
import { notFound } from "next/navigation";
import "../../components/styles/editor.css";
import { requestContext, type RequestContext } from "../../lib/server/request-context";
import { readEnv } from "../../lib/env";
import { clientClock } from "../../lib/site/client-clock";
import { dashboardData } from "../../components/editor/dashboard-data";
import { Dashboard } from "../../components/editor/Dashboard";
import { betaLinksData } from "../../lib/server/beta-dashboard";
import { realTime } from "../../lib/clock";
import { framingData } from "../../components/editor/framing-data";

// Readers (no editor cookie at the edge) get the ordinary 404, with the same
// metadata as any other 404: nothing here is resolved for them.
const forEditor = (ctx: RequestContext) => ctx.audience === "preview" && Boolean(readEnv().EDITOR_TOKEN);

export async function generateMetadata(): Promise<Metadata> {
  return forEditor(await requestContext()) ? { title: "Editor", robots: { index: false, follow: false } } : {};
}

export default async function EditorPage() {
  const ctx = await requestContext();
  if (!forEditor(ctx)) notFound();
  const clock = ctx.runtime.clock;
  return (
    <Dashboard
      data={dashboardData(ctx.runtime.snapshot(), ctx.now)}
      clock={clientClock(clock.spec, clock.startedAt, ctx.asOf)}
      clockLabel={clock.describe()}
      asOfIso={ctx.asOf === null ? null : new Date(ctx.asOf).toISOString()}
      beta={betaLinksData(ctx.runtime.snapshot(), clock.now(), realTime(), readEnv().EDITOR_TOKEN ?? "")}
      framing={framingData(ctx.runtime.snapshot(), ctx.now)}
    />
  );
}
