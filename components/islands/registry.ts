import type { Island } from "./island";
import { chapterMemory } from "./memory/chapter-memory";
import { homeMemory } from "./memory/home-memory";
import { offlineReading } from "./offline/offline-reading";

/** Every vanilla island a reader page can use; each entry is one small module in this folder. */
export const islands: readonly Island[] = [chapterMemory, homeMemory, offlineReading];
