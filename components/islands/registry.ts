import type { Island } from "./island";
import { scrolly } from "./scrolly";
import { loopVideo } from "./loop-video";
import { youtube } from "./youtube";
import { readingProgress } from "./reading-progress";
import { continueReading } from "./continue-reading";
import { readerSettings } from "./reader-settings";
import { releaseTime } from "./release-time";
import { reveal } from "./reveal";
import { dialogueLayout } from "./dialogue-layout";
import { typingIsland } from "./typing";
import { copyLinkIsland } from "./copy-link";
import { stepNavIsland } from "./step-nav";
import { chapterMemory } from "./memory/chapter-memory";
import { homeMemory } from "./memory/home-memory";
import { offlineReading } from "./offline/offline-reading";

/**
 * Every vanilla island a reader page can use; each entry is one small module
 * in this folder. Order matters twice: scrolly moves each step's media into
 * its panel before loop-video looks for the panel a video sits in, and
 * dialogue-layout comes first so a reader's early scroll finds it listening.
 */
export const islands: readonly Island[] = [
  dialogueLayout,
  scrolly,
  loopVideo,
  youtube,
  readingProgress,
  continueReading,
  readerSettings,
  releaseTime,
  reveal,
  typingIsland,
  copyLinkIsland,
  stepNavIsland,
  chapterMemory,
  homeMemory,
  offlineReading,
];
