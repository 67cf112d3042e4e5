import path from "node:path";
import { fileURLToPath } from "node:url";

/** The repository root (scripts/lib/../..). */
export const projectDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
