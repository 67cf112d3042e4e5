// The one deferred script reader pages load (built by lib/server/islands-bundle.ts):
// every island of the registry, mounted once the document is parsed, in
// short slices (see mountIslands).
import { mountIslands } from "./island";
import { islands } from "./registry";

const run = () => void mountIslands(islands);
if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", run, { once: true });
else run();
