import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import type { Diagnostic } from "../content/types";
import { parseNotifyConfig, type NotifyConfig } from "../notify/notify-config";

/** Reads `notify.yaml` next to story.yaml; no file means no notifications (config null, no diagnostics). */
export function loadNotifyFile(root: string): { file: string; config: NotifyConfig | null; diagnostics: Diagnostic[] } {
  const file = path.join(path.resolve(root), "notify.yaml");
  if (!existsSync(file)) return { file, config: null, diagnostics: [] };
  return { file, ...parseNotifyConfig(readFileSync(file, "utf8"), file) };
}
