import { createProgram, runCli } from "./lib/cli";
import { serve } from "./lib/serve";

// `npm run dev`: the author's preview (drafts and upcoming chapters, hot reload) on 127.0.0.1.
const program = createProgram("dev", "[installment]")
  .description("author preview: drafts and upcoming chapters visible, hot reload, on 127.0.0.1 unless HOST says otherwise")
  .action(() => serve({ dev: true }));

void runCli(program);
