// "Keep chapters for offline reading": registers the service worker only when
// the reader opts in; opting out unregisters it and deletes its caches.
import type { Island } from "../island";
import { local } from "../memory/store";
import { OFFLINE_CACHE_PREFIX, SERVICE_WORKER_PATH } from "./sw-source";

const OFFLINE_KEY = "installment:offline";

async function optOut(): Promise<void> {
  for (const reg of await navigator.serviceWorker.getRegistrations()) await reg.unregister();
  for (const key of await caches.keys()) if (key.startsWith(OFFLINE_CACHE_PREFIX)) await caches.delete(key);
}

async function optIn(): Promise<void> {
  await navigator.serviceWorker.register(SERVICE_WORKER_PATH, { scope: "/" });
  const reg = await navigator.serviceWorker.ready;
  reg.active?.postMessage({ type: "installment-offline-refresh" });
}

export const offlineReading: Island = {
  name: "offline-reading",
  selector: "[data-offline-reading]",
  mount(el) {
    if (!("serviceWorker" in navigator) || typeof caches === "undefined") return; // stays hidden
    const box = el.querySelector<HTMLInputElement>("input[type=checkbox]");
    const status = el.querySelector<HTMLElement>("[data-offline-status]");
    if (!box) return;
    const say = (text: string) => {
      if (status) status.textContent = text;
    };
    let on: boolean;
    try {
      on = local()?.getItem(OFFLINE_KEY) === "true";
    } catch {
      on = false;
    }
    box.checked = on;
    el.hidden = false;
    if (!on) void optOut().catch(() => {});
    navigator.serviceWorker.addEventListener("message", (event: MessageEvent) => {
      const data: unknown = event.data;
      if (typeof data !== "object" || data === null || (data as { type?: unknown }).type !== "installment-offline-kept") return;
      const n = Number((data as { chapters?: unknown }).chapters);
      if (box.checked && Number.isInteger(n))
        say(n === 1 ? "1 chapter kept for offline reading." : `${n} chapters kept for offline reading.`);
    });
    box.addEventListener("change", () => {
      try {
        if (box.checked) local()?.setItem(OFFLINE_KEY, "true");
        else local()?.removeItem(OFFLINE_KEY);
      } catch {
        // blocked: the choice lasts for this page only
      }
      if (box.checked) {
        say("Keeping chapters for offline reading…");
        optIn().catch(() => say("This browser could not keep chapters offline."));
      } else {
        optOut()
          .then(() => say("Offline copies deleted."))
          .catch(() => say("Offline copies could not be deleted."));
      }
    });
  },
};
