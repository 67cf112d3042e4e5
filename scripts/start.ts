import { readEnv } from "../lib/env";
import { createProgram, runCli } from "./lib/cli";
import { serve } from "./lib/serve";

// `npm start [-- --simulated-clock]`: the production site. --simulated-clock
// acknowledges a frozen or replay RELEASE_CLOCK (the same as
// INSTALLMENT_SIMULATED_CLOCK=1); without it such a clock is refused.
const program = createProgram("start", "[installment]")
  .description("the site, with the release scheduler")
  .option("--simulated-clock", "accept a frozen or replay RELEASE_CLOCK (as INSTALLMENT_SIMULATED_CLOCK=1 does)")
  .action(async (opts: { simulatedClock?: boolean }) => {
    const env = readEnv();
    Object.assign(process.env, { NODE_ENV: "production" });
    await serve({ dev: false, env: opts.simulatedClock ? { ...env, INSTALLMENT_SIMULATED_CLOCK: "1" } : env });
  });

void runCli(program);
