import { createContext } from "react";

/**
 * Lets a container tell media inside it whether they are actually visible.
 * A <ScrollyRoot> stacks every panel in one sticky box and only shows the
 * active one (opacity), so an IntersectionObserver alone would report all of
 * them on screen: inactive panels must not play or load their video (their
 * posters stand in until the reader reaches them, which keeps a chapter's
 * first screen light on a phone).
 */
export type MediaVisibility = {
  /** false: do not play even if on screen. */
  visible: boolean;
  /** false: do not start loading yet, even if near the viewport. */
  preload: boolean;
};

export const MediaVisibilityContext = createContext<MediaVisibility>({ visible: true, preload: true });
