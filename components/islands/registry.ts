import type { Island } from "./island";
import { typingIsland } from "./typing";
import { copyLinkIsland } from "./copy-link";
import { stepNavIsland } from "./step-nav";

/** Every vanilla island a reader page can use; each entry is one small module in this folder. */
export const islands: readonly Island[] = [typingIsland, copyLinkIsland, stepNavIsland];
