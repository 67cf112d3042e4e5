import { serve } from "./lib/serve";

Object.assign(process.env, { NODE_ENV: "production" });
serve({ dev: false }).catch((error: unknown) => {
  console.error(`[installment] ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
