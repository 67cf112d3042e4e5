// Land and the odd one out: terrain, a survey map, life, frost and a meadow poster.
import type { Graph, Scene } from "../graph";

/** Elevation from two octaves of noise, as a grey pad. */
function elevation(g: Graph, a: string, b: string): string {
  return g.chain(`${a}${b}blend=all_mode=normal:all_opacity=0.28,format=gray,lut=c0='clip(128+(val-128)*2.6,0,255)'`);
}

/** Land colours by height (sea, sand, grass, rock, snow), relief shading from an emboss, optional contour lines. */
function shadeTerrain(g: Graph, elev: string, contours: boolean): string {
  const [e1, e2] = g.split(elev, 2) as [string, string];
  const stops =
    "0 #071a33, 110 #114d7a, 119 #2c7fa6, 120 #c9b98a, 124 #7fa35a, 150 #3f7a3a, 172 #6b5a3c, 196 #8a7a66, 206 #e8eef2, 255 #ffffff";
  // Every 5th level of height on land drawn darker: contour lines.
  const colour = g.chain(`${g.ramp(e1, stops, contours ? "*(1-0.5*gte(val,121)*lt(mod(val,5),1))" : "")}format=gbrp`);
  const relief = g.chain(
    `${e2}format=gray,convolution=0m='-2 -1 0 -1 1 1 0 1 2':0rdiv=1:0bias=128,lut=c0='clip(215+(val-128)*3,0,255)',format=gbrp`,
  );
  // Multiply: flat ground keeps 84% of its colour, slopes facing the light keep all, the others darken.
  return g.chain(`${colour}${relief}blend=all_mode=multiply`);
}

/** Terrain seen from above, sliding past. */
export const terrain: Scene = (g, p) => {
  const big = g.texture({ w: p.w, h: p.h, cell: p.w / 6, seed: 61 });
  const small = g.texture({ w: big.pw, h: big.ph, cell: p.w / 26, seed: 62 });
  return shadeTerrain(g, elevation(g, g.scrolling(big, 1, 1), g.scrolling(small, 1, 1)), false);
};

/** The same kind of land as a still survey map. */
export const terrainMap: Scene = (g, p) => {
  const big = g.texture({ w: p.w, h: p.h, cell: p.w / 5, seed: 61 });
  const small = g.texture({ w: p.w, h: p.h, cell: p.w / 24, seed: 62 });
  return shadeTerrain(g, elevation(g, g.fit(big.pad), g.fit(small.pad)), true);
};

/**
 * Conway's life on a frost-coloured grid: sparse, large cells and a settled
 * start, because a field of noise flickering every frame is the one thing
 * video codecs compress worse than GIF.
 */
export const life: Scene = (g, p) => {
  const cell = Math.max(1, Math.round(p.w / 90));
  const skip = Math.round(p.t0 * p.fps) + 60;
  const src = g.source(
    `life=s=${Math.ceil(p.w / cell)}x${Math.ceil(p.h / cell)}:r=${p.fps}:seed=20260705:ratio=0.14:mold=6:life_color=#bff4ff:death_color=#04101c:mold_color=#1f6f8b`,
  );
  return g.cells(src, skip, cell);
};

/** Frost: a slow dive into the Mandelbrot set, tinted like ice. */
export const frost: Scene = (g, p) => {
  const skip = Math.round(p.t0 * p.fps);
  const src = g.source(
    `mandelbrot=s=${p.w}x${p.h}:r=${p.fps}:maxiter=200:start_x=-0.743643887037151:start_y=0.13182590420533:start_scale=0.9:end_scale=0.06:end_pts=${Math.round(p.fps * 5)}:outer=normalized_iteration_count:inner=black`,
  );
  const grey = g.chain(`${src}trim=start_frame=${skip}:end_frame=${skip + g.frames},setpts=PTS-STARTPTS,format=gray`);
  return g.ramp(grey, "0 #000000, 40 #0b2233, 120 #3f86a8, 200 #c8f0ff, 255 #ffffff");
};

/** Poster for the film embed: a meadow, three hills and a huge sun, flat colour. */
export const meadow: Scene = (g) =>
  g.ramp(
    g.field(
      ({ X, Y, H }) => {
        const hill = (base: number, amp: number, per: number, ph: number) => `gt(${Y},${H * base}+${amp}*sin(${X}/${per}+${ph}))`;
        return `if(${hill(0.84, 10, 30, 4)},240,if(${hill(0.7, 16, 45, 2)},200,if(${hill(0.58, 22, 70, 0)},160,if(lt(pow(${X}-470,2)+pow(${Y}-${H * 0.35},2),3600),120,100*${Y}/${H}))))`;
      },
      { lowres: 1 },
    ),
    "0 #78bef5, 100 #fadcd2, 101 #fadcd2, 120 #ffec96, 121 #ffec96, 160 #60aa5a, 200 #3c803c, 240 #1e5028, 255 #1e5028",
  );
