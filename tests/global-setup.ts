import path from "node:path";
import { ensureSampleMedia } from "../scripts/sample-media/ensure";

// The sample story's GIFs are generated, never committed: make any missing
// ones once before the suite, as `npm start` does.
export default async function setup(): Promise<void> {
  const root = path.resolve(__dirname, "..", "chapters");
  const { generated } = await ensureSampleMedia(root, { log: () => {} });
  if (generated.length > 0) console.log(`[installment] generated ${generated.length} sample media files for the tests`);
}
