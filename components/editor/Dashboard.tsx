import type { ClientClock } from "../../lib/site/client-clock";
import type { DashboardData } from "./dashboard-data";
import { Timeline } from "./Timeline";
import { Warnings } from "./Warnings";
import { AsOfForm } from "./AsOfForm";
import { LastGoodNotice } from "./LastGoodNotice";
import { SignOut } from "./SignOut";
import { BetaLinks } from "./BetaLinks";
import type { BetaLinksData } from "../../lib/server/beta-dashboard";
import { NotifyOutbox } from "./NotifyOutbox";
import { currentNotifyPanel } from "./notify-data";
import { Framing } from "./Framing";
import type { FramingData } from "./framing-data";

export interface DashboardProps {
  data: DashboardData;
  clock: ClientClock;
  /** The story clock, described ("real clock", "frozen clock at …"). */
  clockLabel: string;
  asOfIso: string | null;
  /** Beta-reader links (absent without an editor token). */
  beta?: BetaLinksData;
  /** Warnings, recaps and notes per chapter, and the story notice. */
  framing?: FramingData;
}

/** The editor dashboard: the release timeline, the warnings, framing, notifications, the as-of control, beta links and signing out. */
export function Dashboard({ data, clock, clockLabel, asOfIso, beta, framing }: DashboardProps) {
  const example = data.next ? new Date(data.next.at + 60_000).toISOString().replace(".000Z", "Z") : data.nowIso;
  return (
    <div className="editor">
      <header className="editor-header">
        <p className="editor-kicker">Editor</p>
        <h1>{data.storyTitle}: dashboard</h1>
        <p className="editor-now">
          {asOfIso ? "Viewing as of" : "Now"}: <time dateTime={data.nowIso}>{data.nowWallTime}</time> ({clockLabel})
        </p>
        <SignOut />
      </header>
      <LastGoodNotice kept={data.kept} />
      <Timeline data={data} clock={clock} />
      <Warnings data={data} />
      <NotifyOutbox data={currentNotifyPanel()} />
      {framing ? <Framing data={framing} /> : null}
      <AsOfForm asOfIso={asOfIso} example={example} />
      {beta ? <BetaLinks data={beta} /> : null}
    </div>
  );
}
