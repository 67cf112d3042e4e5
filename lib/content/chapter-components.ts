// The names of the components a chapter can use. The compiler refuses any
// other (plugins/remark-known-components.ts); the web map
// (components/mdx-components.tsx) and the e-book map
// (components/epub/epub-components.tsx) are typed against this list, so a
// component added to one and not the others does not compile.
export const CHAPTER_COMPONENTS = ["Dialogue", "Line", "Gif", "Still", "YouTube", "Scrolly", "Step", "Pause", "Typing"] as const;

export type ChapterComponentName = (typeof CHAPTER_COMPONENTS)[number];
