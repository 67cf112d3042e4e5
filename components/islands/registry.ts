import type { Island } from "./island";

/** Every vanilla island a reader page can use; each entry is one small module in this folder. */
export const islands: readonly Island[] = [];
