// SAMPLE_MEDIA is the single list of what the sample story in chapters/ uses:
// file path (relative to the content root) → recipe. chapters/.gitignore keeps
// the results out of git.
import type { Scene } from "./graph";
import { barograph, composite, isobars, radar, record, wind } from "./scenes/charts";
import { frost, life, meadow, terrain, terrainMap } from "./scenes/land";
import { dawn, lamp, ocean, swell } from "./scenes/sea";
import { cloudDeck, lightning, limb, orbit, rain, stormEye } from "./scenes/sky";

export interface GifRecipe {
  kind: "gif";
  scene: Scene;
  width: number;
  height: number;
  fps: number;
  seconds: number;
  /** Palette size (2–256). Fewer colours, smaller file. */
  colors?: number;
  /** paletteuse dither. Bayer is ordered, so it compresses well and never shimmers. */
  dither?: "bayer" | "none" | "sierra2_4a";
  bayerScale?: number;
}

export interface StillRecipe {
  kind: "png" | "jpg";
  scene: Scene;
  width: number;
  height: number;
  /** Moment of the scene to capture, in seconds. */
  at?: number;
}

export type MediaRecipe = GifRecipe | StillRecipe;

const gif = (scene: Scene, width: number, height: number, fps: number, seconds: number, more: Partial<GifRecipe> = {}): GifRecipe => ({
  kind: "gif",
  scene,
  width,
  height,
  fps,
  seconds,
  ...more,
});
const jpg = (scene: Scene, at = 1, width = 1600, height = 900): StillRecipe => ({ kind: "jpg", scene, width, height, at });
const png = (scene: Scene, width: number, height: number, at = 0): StillRecipe => ({ kind: "png", scene, width, height, at });

/** Everything the sample story uses: path relative to the content root → recipe. */
export const SAMPLE_MEDIA: Record<string, MediaRecipe> = {
  // Arc 1: Calm
  "01-are-you-awake/media/cover.jpg": jpg(ocean, 1.3),
  "01-are-you-awake/media/ocean.gif": gif(ocean, 640, 360, 10, 4, { colors: 32, bayerScale: 4 }),
  "01-are-you-awake/media/lamp.gif": gif(lamp, 480, 480, 10, 3, { colors: 64 }),
  "02-station-report/media/cover.jpg": jpg(radar, 1.1),
  "02-station-report/media/radar.gif": gif(radar, 540, 540, 12, 4, { colors: 48 }),
  "02-station-report/media/barograph.png": png(barograph, 1600, 600),
  "03-the-balloon/media/cover.jpg": jpg(limb, 0.5),
  "03-the-balloon/media/limb.gif": gif(limb, 800, 220, 10, 5, { colors: 64 }),
  "03-the-balloon/media/cloud-deck.gif": gif(cloudDeck, 640, 360, 10, 4, { colors: 48 }),
  // Arc 2: The Front
  "05-something-on-the-radar/media/cover.jpg": jpg(isobars, 0.6),
  "05-something-on-the-radar/media/isobars.gif": gif(isobars, 640, 360, 12, 4, { colors: 32 }),
  "05-something-on-the-radar/media/composite.gif": gif(composite, 640, 360, 10, 4, { colors: 24, dither: "none" }),
  "05-something-on-the-radar/media/wind.gif": gif(wind, 640, 360, 12, 4, { colors: 32 }),
  "05-something-on-the-radar/media/storm-eye.gif": gif(stormEye, 480, 480, 10, 4, { colors: 48 }),
  "06-the-front/media/cover.jpg": jpg(lightning, 0.9),
  "06-the-front/media/rain.gif": gif(rain, 480, 640, 12, 3, { colors: 32 }),
  "06-the-front/media/lightning.gif": gif(lightning, 640, 360, 12, 4, { colors: 64 }),
  "06-the-front/media/swell.gif": gif(swell, 640, 360, 12, 4, { colors: 48 }),
  "07-intermission/media/cover.jpg": jpg(life, 2),
  "07-intermission/media/life.gif": gif(life, 720, 720, 12, 5, { colors: 8, dither: "none" }),
  "07-intermission/media/film-poster.jpg": jpg(meadow, 0, 1280, 720),
  // Arc 3: Clearing
  "08-clearing/media/cover.jpg": jpg(terrain, 1),
  "08-clearing/media/terrain.gif": gif(terrain, 640, 360, 10, 4, { colors: 40 }),
  "08-clearing/media/survey-map.png": png(terrainMap, 1600, 1000),
  "09-acknowledged/media/cover.jpg": jpg(orbit, 0.4),
  "09-acknowledged/media/frost.gif": gif(frost, 600, 450, 12, 4, { colors: 64 }),
  "09-acknowledged/media/orbit.gif": gif(orbit, 720, 405, 12, 4, { colors: 64 }),
  "10-the-long-forecast/media/cover.jpg": jpg(dawn, 1),
  "10-the-long-forecast/media/record.gif": gif(record, 800, 320, 12, 4, { colors: 8, dither: "none" }),
  "10-the-long-forecast/media/dawn.gif": gif(dawn, 640, 360, 10, 4, { colors: 64 }),
};
