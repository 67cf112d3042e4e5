import { SERVICE_WORKER_SOURCE } from "../../components/islands/offline/sw-source";

// The offline-reading service worker; the edge serves it with Cache-Control: no-cache.
export function GET() {
  return new Response(SERVICE_WORKER_SOURCE, {
    headers: { "Content-Type": "text/javascript; charset=utf-8", "Cache-Control": "no-cache" },
  });
}
