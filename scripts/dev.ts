import { serve } from "./lib/serve";

serve({ dev: true }).catch((error: unknown) => {
  console.error(`[installment] ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
