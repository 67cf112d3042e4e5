import { randomBytes } from "node:crypto";

const KEY = Symbol.for("installment.edge-secret");
type Holder = { [KEY]?: string };

/** A per-process secret shared by the edge and the pages it fronts. */
export function edgeSecret(): string {
  const holder = globalThis as Holder;
  holder[KEY] ??= randomBytes(24).toString("hex");
  return holder[KEY];
}
