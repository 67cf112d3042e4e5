import { readFileSync } from "node:fs";
import path from "node:path";
import { parseSchedule } from "../lib/schedule/parse-schedule";
import { findChapters } from "../lib/content/find-chapters";
import { formatDiagnostic } from "../lib/content/format-diagnostic";
import { serve, projectDir } from "./lib/serve";

// `npm run demo`: the sample story on a replay clock that starts twenty real
// seconds before its first release and runs fast enough that the whole eleven-day run
// unfolds in about five minutes.
const DEMO_MINUTES = 5;

const root = path.resolve(process.env.CHAPTERS_DIR ?? path.join(projectDir, "chapters"));
const file = path.join(root, "schedule.yaml");
const { schedule, diagnostics } = parseSchedule(readFileSync(file, "utf8"), file, findChapters(root).chapters);
if (!schedule || schedule.releases.length === 0) {
  for (const d of diagnostics) console.error(formatDiagnostic(d, process.cwd()));
  console.error("[installment] demo: the schedule has no releases");
  process.exit(1);
}
const first = schedule.releases[0]!.at;
const last = schedule.releases[schedule.releases.length - 1]!.at;
const speed = Math.max(1, Math.round((last - first) / (DEMO_MINUTES * 60_000)));
// Twenty real seconds of countdown before chapter one appears.
const start = first - 20_000 * speed;
process.env.RELEASE_CLOCK = `replay:${new Date(start).toISOString()}@${speed}`;
// The replay is the point of the demo: say so, as npm start requires.
process.env.INSTALLMENT_SIMULATED_CLOCK = "1";
console.log(
  `[installment] demo: replaying ${new Date(start).toISOString()} at ${speed}× (about ${DEMO_MINUTES} minutes for the whole run)`,
);
Object.assign(process.env, { NODE_ENV: "production" });
serve({ dev: false }).catch((error: unknown) => {
  console.error(`[installment] ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
