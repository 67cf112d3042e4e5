import { parseArgs } from "node:util";
import { serve } from "./lib/serve";

// `npm start [-- --simulated-clock]`: the production site. --simulated-clock
// acknowledges a frozen or replay RELEASE_CLOCK (the same as
// INSTALLMENT_SIMULATED_CLOCK=1); without it such a clock is refused.
try {
  const { values } = parseArgs({ options: { "simulated-clock": { type: "boolean" } }, strict: true, allowPositionals: false });
  if (values["simulated-clock"]) process.env.INSTALLMENT_SIMULATED_CLOCK = "1";
} catch (error) {
  console.error(`[installment] ${error instanceof Error ? error.message : String(error)}; npm start takes only --simulated-clock`);
  process.exit(2);
}

Object.assign(process.env, { NODE_ENV: "production" });
serve({ dev: false }).catch((error: unknown) => {
  console.error(`[installment] ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
