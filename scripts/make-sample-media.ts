// Generates every GIF and still image the sample story in chapters/ uses.
//
//   npx tsx scripts/make-sample-media.ts [--chapters <dir>] [--force] [--only <substring>]
//
// Only missing files are made, so `npm start` and `npm test` can call it on
// every run for free. Everything is drawn by ffmpeg's own generators (lavfi
// sources, seeded noise, `geq` expressions, `life`, `cellauto`, `mandelbrot`):
// no network, no fonts, and the same bytes on every run, because the media
// pipeline caches by content hash.
//
// SAMPLE_MEDIA below is the single list of what exists: file path (relative to
// the content root) → recipe. chapters/.gitignore keeps the results out of git.
//
// How a scene is drawn, cheaply: `geq` evaluates an expression per pixel, which
// is slow, so each scene computes ONE grey "field" (often at reduced size and
// enlarged), then a colour ramp maps grey → colour with `lutrgb`, which only
// evaluates 256 values per channel. Smooth noise textures are made once, held
// for the whole clip and slid around with `crop`, so loops are seamless.

import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import { existsSync, mkdirSync, renameSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { isMain } from "./lib/is-main";

// ---------------------------------------------------------------------------
// Recipes

export interface SceneParams {
  /** Output size in pixels. */
  w: number;
  h: number;
  fps: number;
  /** Duration in seconds (stills: one frame). */
  seconds: number;
  /** Time of the first frame, in seconds (stills pick a moment with it). */
  t0: number;
}

/** Builds a filter graph from lavfi sources; returns the pad of its output (w×h, any pixel format). */
export type Scene = (g: Graph, p: SceneParams) => string;

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

/** Reference coordinates handed to field expressions. */
export interface Frame {
  /** Expressions for x and y in reference units (the frame is `W` units wide). */
  X: string;
  Y: string;
  W: number;
  H: number;
  /** Render pixels per reference unit (for offsets in `lum(X+n,Y)` reads). */
  k: number;
}

/** A filter graph under construction: lavfi inputs plus `;`-separated chains. */
export class Graph {
  readonly inputs: string[] = [];
  readonly chains: string[] = [];
  private n = 0;
  constructor(readonly p: SceneParams) {}

  label(prefix = "l"): string {
    return `[${prefix}${this.n++}]`;
  }

  /** Adds a lavfi source; returns its input pad, e.g. `[2:v]`. */
  source(src: string): string {
    this.inputs.push(src);
    return `[${this.inputs.length - 1}:v]`;
  }

  /** Appends `<body>[out]`; returns `[out]`. */
  chain(body: string): string {
    const out = this.label();
    this.chains.push(`${body}${out}`);
    return out;
  }

  /** Splits a pad into n pads (a pad feeds one filter only). */
  split(pad: string, n: number): string[] {
    if (n === 1) return [pad];
    const outs = Array.from({ length: n }, () => this.label("x"));
    this.chains.push(`${pad}split=${n}${outs.join("")}`);
    return outs;
  }

  /** Frames of the whole scene (at least one). */
  get frames(): number {
    return Math.max(1, Math.round(this.p.fps * this.p.seconds));
  }

  /** Repeats the first frame of a pad for the whole scene, carrying the scene clock. */
  hold(pad: string): string {
    const { fps, t0 } = this.p;
    return this.chain(`${pad}trim=end_frame=1,loop=loop=${this.frames - 1}:size=1:start=0,setpts=N/(${fps}*TB)+${t0}/TB`);
  }

  /** Cuts a pad to the output size from its top-left corner. */
  fit(pad: string): string {
    return this.chain(`${pad}crop=${this.p.w}:${this.p.h}:0:0`);
  }

  /**
   * Smooth seeded noise that tiles seamlessly: noise drawn on a coarse grid is
   * tiled 3×3, enlarged, blurred, and the middle tile kept, so the result is
   * periodic with period (pw, ph) ≥ (w, h). A single grey frame.
   * `stretchY` > 1 draws vertical streaks, `stretchX` horizontal ones.
   */
  texture(opts: { w: number; h: number; cell: number; seed: number; stretchX?: number; stretchY?: number; blur?: boolean }): Texture {
    const cx = Math.max(1, Math.round(opts.cell * (opts.stretchX ?? 1)));
    const cy = Math.max(1, Math.round(opts.cell * (opts.stretchY ?? 1)));
    const lw = Math.max(2, Math.ceil(opts.w / cx));
    const lh = Math.max(2, Math.ceil(opts.h / cy));
    const pw = lw * cx;
    const ph = lh * cy;
    const src = this.source(`color=c=gray:s=${lw}x${lh}:r=${this.p.fps}:d=1`);
    const [a, b, c] = this.split(this.chain(`${src}format=gray,trim=end_frame=1,noise=alls=100:allf=u:all_seed=${opts.seed}`), 3);
    const [d, e, f] = this.split(this.chain(`${a}${b}${c}hstack=inputs=3`), 3);
    const blur = opts.blur === false ? "" : `,gblur=sigma=${Math.max(0.5, Math.min(cx, cy) / 2.5).toFixed(2)}`;
    const flags = opts.blur === false ? "bilinear" : "bicubic";
    const pad = this.chain(
      `${d}${e}${f}vstack=inputs=3,scale=${3 * pw}:${3 * ph}:flags=${flags},setsar=1${blur},crop=${pw}:${ph}:${pw}:${ph}`,
    );
    return { pad, pw, ph };
  }

  /** A texture held for the whole scene and slid by whole periods over it (a seamless loop), cut to w×h. */
  scrolling(tex: Texture, periodsX: number, periodsY: number): string {
    const { seconds, w, h } = this.p;
    const [a, b] = this.split(this.hold(tex.pad), 2);
    const [c, d] = this.split(this.chain(`${a}${b}hstack=inputs=2`), 2);
    const x = `mod(t*${(periodsX * tex.pw) / seconds}+${tex.pw * 8}\\,${tex.pw})`;
    const y = `mod(t*${(periodsY * tex.ph) / seconds}+${tex.ph * 8}\\,${tex.ph})`;
    return this.chain(`${c}${d}vstack=inputs=2,crop=${w}:${h}:${x}:${y}`);
  }

  /** A texture held still for the whole scene, cut to w×h. */
  still(tex: Texture): string {
    return this.fit(this.hold(tex.pad));
  }

  /**
   * One grey field from a geq expression, computed at 1/`lowres` of the output
   * size and enlarged. Up to three w×h grey inputs are readable in the
   * expression as lum(X,Y), cb(X,Y) and cr(X,Y) (render pixels).
   */
  field(build: (f: Frame) => string, opts: { ref?: number; lowres?: number; inputs?: string[] } = {}): string {
    const { w, h, fps, seconds, t0 } = this.p;
    const lowres = opts.lowres ?? 2;
    const rw = Math.max(2, Math.round(w / lowres));
    const rh = Math.max(2, Math.round(h / lowres));
    const ref = opts.ref ?? 640;
    const k = rw / ref;
    const frame: Frame = { X: `(X/${k})`, Y: `(Y/${k})`, W: ref, H: rh / k, k };
    let input: string;
    const ins = opts.inputs ?? [];
    if (ins.length === 0) {
      input = this.chain(`${this.source(`color=c=black:s=${rw}x${rh}:r=${fps}:d=${seconds}`)}setpts=PTS+${t0}/TB,format=yuv444p`);
    } else {
      const small = ins.map((pad) => this.chain(`${pad}scale=${rw}:${rh}:flags=area,setsar=1,format=gray`));
      while (small.length < 3) small.push(small[0]!);
      // Split pads used more than once.
      const counts = new Map<string, number>();
      small.forEach((s) => counts.set(s, (counts.get(s) ?? 0) + 1));
      const pools = new Map<string, string[]>();
      for (const [pad, n] of counts) pools.set(pad, this.split(pad, n));
      const [y, u, v] = small.map((s) => pools.get(s)!.shift()!);
      input = this.chain(`${y}${u}${v}mergeplanes=0x001020:yuv444p`);
    }
    const expr = build(frame);
    const scaled = rw === w && rh === h ? "" : `,scale=${w}:${h}:flags=bicubic`;
    return this.chain(`${input}geq=lum='${expr}':cb=128:cr=128,format=gray${scaled}`);
  }

  /** Colours a grey pad through a ramp of stops [grey level, "#rrggbb"] (equal levels make a hard step). */
  ramp(pad: string, stops: Array<[number, string]>, post = ""): string {
    const chan = (i: number) => {
      const pts = stops.map(([v, hex]) => [v, parseInt(hex.slice(1 + 2 * i, 3 + 2 * i), 16)] as const);
      let expr = String(pts[pts.length - 1]![1]);
      for (let s = pts.length - 2; s >= 0; s--) {
        const [v0, c0] = pts[s]!;
        const [v1, c1] = pts[s + 1]!;
        if (v1 <= v0) continue;
        expr = `if(lt(val,${v1}),${c0}+(${c1 - c0})*(val-${v0})/${v1 - v0},${expr})`;
      }
      const [vFirst, cFirst] = pts[0]!;
      return post ? `clip((if(lt(val,${vFirst}),${cFirst},${expr}))${post},0,255)` : `if(lt(val,${vFirst}),${cFirst},${expr})`;
    };
    return this.chain(`${pad}format=rgb24,lutrgb=r='${chan(0)}':g='${chan(1)}':b='${chan(2)}'`);
  }
}

export interface Texture {
  pad: string;
  pw: number;
  ph: number;
}

const TAU = "(2*PI)";
/** A hash in [0,1) of a position; used for stars. */
const hash = (x: string, y: string, salt = 0) => `mod(abs(sin(${x}*12.9898+${y}*78.233+${salt}.17))*43758.5453,1)`;

// -- scenes ------------------------------------------------------------------
// Field expressions are written in reference units (a frame `ref` units wide,
// 640 unless said), so one scene renders both a 640 px GIF and a 1600 px cover.

/** Open ocean seen from straight above: two swells crossing, bright where their crests meet. */
const ocean: Scene = (g, p) => {
  const a = g.scrolling(g.texture({ w: p.w, h: p.h, cell: p.w / 9, seed: 101 }), 1, 0);
  const b = g.scrolling(g.texture({ w: p.w, h: p.h, cell: p.w / 13, seed: 102 }), 0, -1);
  return g.ramp(
    g.field(() => `255*pow(1-min(1,abs((lum(X,Y)+cb(X,Y))/2-128)/30),3)`, { inputs: [a, b] }),
    [
      [0, "#03182e"],
      [90, "#0b3f68"],
      [190, "#3d98c0"],
      [240, "#c8f0fa"],
      [255, "#ffffff"],
    ],
  );
};

/** A buoy lamp at night: one slow flash, a halo, and its broken reflection on black water. */
const lamp: Scene = (g) =>
  g.ramp(
    g.field(
      ({ X, Y, W, H }) => {
        const cx = W / 2;
        const cy = H * 0.42;
        return [
          `st(0,0.4+0.6*pow(max(0,sin(${TAU}*T/3)),10))`,
          `st(1,pow(${X}-${cx},2)+pow(${Y}-${cy},2))`,
          `st(2,gt(${Y},${cy + 30}))`,
          `st(3,exp(-ld(1)/${2 * 26 * 26})+0.35*exp(-ld(1)/${2 * 90 * 90}))`,
          `st(4,ld(2)*exp(-pow(${X}-${cx}+8*sin(${Y}/9+${TAU}*T/3),2)/(2*pow(6+(${Y}-${cy})/9,2)))*exp(-(${Y}-${cy})/200)*(0.5+0.5*sin(${Y}/3.1+2*sin(${X}/23)+${TAU}*T/1.5)))`,
          `st(5,ld(2)*(0.5+0.5*sin(${Y}/4+3*sin(${X}/31)+${TAU}*T/3)))`,
          `min(255,26*ld(5)+230*ld(0)*(ld(3)+0.8*ld(4)))`,
        ].join(";");
      },
      { ref: 480 },
    ),
    [
      [0, "#02050b"],
      [26, "#0d2036"],
      [70, "#4b3820"],
      [150, "#d99c45"],
      [215, "#ffe5ad"],
      [255, "#ffffff"],
    ],
  );

/** A round radar scope: range rings, a rotating beam, echoes that glow as it passes. */
const radar: Scene = (g, p) => {
  const echoes = g.still(g.texture({ w: p.w, h: p.h, cell: p.w / 22, seed: 4242 }));
  return g.ramp(
    g.field(
      ({ X, Y, W, H }) => {
        const R = Math.min(W, H) / 2 - 8;
        return [
          `st(0,hypot(${X}-${W / 2},${Y}-${H / 2}))`,
          `st(1,exp(-1.7*mod(${TAU}*T/4-atan2(${Y}-${H / 2},${X}-${W / 2})+4*PI,${TAU})))`,
          `st(2,clip((lum(X,Y)-138)*5,0,255)/255)`,
          `st(3,lt(mod(ld(0),${(R / 4).toFixed(2)}),1.8)+0.5*(lt(abs(${X}-${W / 2}),1.2)+lt(abs(${Y}-${H / 2}),1.2)))`,
          `min(255,lt(ld(0),${R})*(10+46*ld(3)+90*ld(1)+235*ld(2)*(0.18+0.82*ld(1)))+120*lt(abs(ld(0)-${R}),2.2))`,
        ].join(";");
      },
      { ref: 540, lowres: 1.5, inputs: [echoes] },
    ),
    [
      [0, "#000000"],
      [10, "#02140a"],
      [60, "#0f5a2a"],
      [140, "#2fd16a"],
      [220, "#b8ffcf"],
      [255, "#ffffff"],
    ],
  );
};

/** The curved edge of the planet from the stratosphere: clouds sliding under a blue limb, stars above. */
const limb: Scene = (g, p) => {
  const clouds = g.scrolling(g.texture({ w: p.w, h: p.h, cell: p.w / 40, seed: 77 }), 1, 0);
  return g.ramp(
    g.field(
      ({ X, Y, W, H }) =>
        [
          `st(0,${H * 0.62}+pow(${X}-${W / 2},2)/${((W * W) / 4 / (H * 0.2)).toFixed(2)})`,
          `st(1,clip((${Y}-ld(0))/${H * 0.4},0,1))`,
          `if(gt(${Y},ld(0)),64+191*clip((0.12+0.88*clip((lum(X,Y)-118)*3.2,0,255)/255)*(0.3+0.7*ld(1)),0,1),` +
            `min(63,60*exp(-(ld(0)-${Y})/9)+63*gt(${hash(`floor(${X})`, `floor(${Y})`, 3)},0.9975)*(0.55+0.45*sin(${TAU}*T/2.5+${X}))))`,
        ].join(";"),
      { ref: 800, lowres: 1.4, inputs: [clouds] },
    ),
    [
      [0, "#000000"],
      [28, "#0b2a6e"],
      [63, "#a8ddff"],
      [64, "#06152e"],
      [130, "#2f5580"],
      [255, "#f4f8ff"],
    ],
  );
};

/** Looking straight down at two cloud decks drifting at different heights over the sea. */
const cloudDeck: Scene = (g, p) => {
  const far = g.scrolling(g.texture({ w: p.w, h: p.h, cell: p.w / 14, seed: 11 }), 1, 0);
  const near = g.scrolling(g.texture({ w: p.w, h: p.h, cell: p.w / 30, seed: 12 }), 2, 1);
  return g.ramp(
    g.field(
      ({ k }) => {
        const o = Math.max(1, Math.round(10 * k));
        return `max(clip((lum(X,Y)-120)*3,0,255)*0.8,clip((cb(X,Y)-140)*4,0,255))*(1-0.45*clip((cb(X+${o},Y+${o})-140)*4,0,255)/255)`;
      },
      { inputs: [far, near] },
    ),
    [
      [0, "#061c33"],
      [60, "#0f3b5c"],
      [140, "#7f98aa"],
      [255, "#ffffff"],
    ],
  );
};

/** A pressure chart: isobars around two lows and a high that wander in slow circles. */
const isobars: Scene = (g) =>
  g.ramp(
    g.field(
      ({ X, Y, H }) => {
        const gauss = (x: string, y: string, s: number, a: number) => `${a}*exp(-(pow(${X}-(${x}),2)+pow(${Y}-(${y}),2))/${2 * s * s})`;
        return [
          `st(0,${gauss(`330+110*cos(${TAU}*T/4)`, `${H / 2}+50*sin(${TAU}*T/4)`, 110, -1)}+${gauss(`110+30*sin(${TAU}*T/4)`, `${H * 0.25}`, 150, 0.85)}+${gauss(`560`, `${H * 0.8}+35*cos(${TAU}*T/4)`, 80, -0.55)}+0.0006*${X})`,
          `st(1,mod(ld(0)*9+20,1))`,
          `if(lt(ld(1),0.08)+gt(ld(1),0.92),255,clip(120+110*ld(0),0,239))`,
        ].join(";");
      },
      { lowres: 1.6 },
    ),
    [
      [0, "#3a2a8c"],
      [120, "#0a0d16"],
      [239, "#7a3b16"],
      [240, "#dfeeff"],
      [255, "#ffffff"],
    ],
  );

/** A rain-radar composite: banded reflectivity colours crossing a dim grid. */
const composite: Scene = (g, p) => {
  const big = g.texture({ w: p.w, h: p.h, cell: p.w / 9, seed: 501 });
  const fine = g.texture({ w: big.pw, h: big.ph, cell: p.w / 40, seed: 502 });
  return g.ramp(
    g.field(({ X, Y }) => `st(0,lum(X,Y)*0.7+cb(X,Y)*0.3);if(lt(ld(0),134),20*(lt(mod(${X},80),1.5)+lt(mod(${Y},80),1.5)),ld(0))`, {
      inputs: [g.scrolling(big, 1, 1), g.scrolling(fine, 1, 1)],
    }),
    [
      [0, "#05080c"],
      [10, "#05080c"],
      [10, "#17212b"],
      [134, "#17212b"],
      [134, "#14532a"],
      [146, "#14532a"],
      [146, "#2aa84a"],
      [156, "#2aa84a"],
      [156, "#e0d23a"],
      [164, "#e0d23a"],
      [164, "#f08a2a"],
      [172, "#f08a2a"],
      [172, "#e23838"],
      [186, "#e23838"],
      [186, "#ff4fd8"],
      [255, "#ff4fd8"],
    ],
  );
};

/** A storm from above: spiral bands wheeling around a clear eye. */
const stormEye: Scene = (g, p) => {
  const tex = g.still(g.texture({ w: p.w, h: p.h, cell: p.w / 48, seed: 900 }));
  return g.ramp(
    g.field(
      ({ X, Y, W, H }) =>
        [
          `st(0,hypot(${X}-${W / 2},${Y}-${H / 2}))`,
          `st(1,0.5+0.5*sin(2*(atan2(${Y}-${H / 2},${X}-${W / 2})+${TAU}*T/8)+log(ld(0)+1)*4))`,
          `255*clip(ld(1)*exp(-ld(0)/170)*(1-exp(-pow(ld(0)/26,2)))*(0.55+0.45*lum(X,Y)/255)*1.7,0,1)`,
        ].join(";"),
      { ref: 480, inputs: [tex] },
    ),
    [
      [0, "#071a22"],
      [60, "#1d4150"],
      [160, "#a3b7c0"],
      [255, "#ffffff"],
    ],
  );
};

/** Wind: pale dashes streaming along a bending flow field. */
const wind: Scene = (g) =>
  g.ramp(
    g.field(
      ({ X, Y }) =>
        [
          `st(0,0.7*sin(${X}/130)+0.5*cos(${Y}/80+${X}/300))`,
          `255*pow(max(sin((-${X}*sin(ld(0))+${Y}*cos(ld(0)))/3.2),0),16)*pow(max(sin((${X}*cos(ld(0))+${Y}*sin(ld(0)))/22-${TAU}*T/2),0),4)`,
        ].join(";"),
      { lowres: 1.6 },
    ),
    [
      [0, "#070b14"],
      [90, "#2b5d7a"],
      [255, "#e6fbff"],
    ],
  );

/** Slanted rain in two depths over a dim glow. */
const rain: Scene = (g, p) => {
  const k = p.w / 480;
  const near = g.scrolling(g.texture({ w: p.w, h: p.h, cell: 2 * k, stretchY: 13, seed: 31, blur: false }), 0, -3);
  const far = g.scrolling(g.texture({ w: p.w, h: p.h, cell: k, stretchY: 12, seed: 32, blur: false }), 0, -1);
  return g.ramp(
    g.field(({ X, Y }) => `min(255,40*exp(-(pow(${X}-300,2)+pow(${Y}-180,2))/${2 * 170 * 170})+90*gt(cb(X,Y),170)+150*gt(lum(X,Y),162))`, {
      ref: 480,
      lowres: 1,
      inputs: [near, far],
    }),
    [
      [0, "#0a0e18"],
      [40, "#1e2a3e"],
      [130, "#6c7c96"],
      [255, "#dfe8ff"],
    ],
  );
};

/** Night clouds lit from inside by three strokes of lightning. */
const lightning: Scene = (g, p) => {
  const tex = g.still(g.texture({ w: p.w, h: p.h, cell: p.w / 16, seed: 3003 }));
  const fine = g.still(g.texture({ w: p.w, h: p.h, cell: p.w / 60, seed: 3004 }));
  return g.ramp(
    g.field(
      ({ X, Y, H }) =>
        [
          `st(0,exp(-pow((T-0.9)*14,2))+0.7*exp(-pow((T-1.15)*20,2))+0.55*exp(-pow((T-3.0)*16,2)))`,
          `st(1,clip((lum(X,Y)*0.75+cb(X,Y)*0.25-70)/120,0,1)*(0.32+1.3*ld(0)*(0.35+0.65*exp(-(pow(${X}-420,2)+pow(${Y}-120,2))/${2 * 160 * 160}))))`,
          `st(2,lt(abs(${X}-420-28*sin(${Y}/23)-12*sin(${Y}/6.7)-5*sin(${Y}/2.3)),1.8)*lt(${Y},${H - 40})*gt(${Y},110)*gt(ld(0),0.5))`,
          `if(ld(2),255,240*clip(ld(1),0,1))`,
        ].join(";"),
      { lowres: 2, inputs: [tex, fine] },
    ),
    [
      [0, "#05040a"],
      [40, "#1b1630"],
      [150, "#7d6fa8"],
      [230, "#e6e0ff"],
      [255, "#ffffff"],
    ],
  );
};

/** The view from a buoy in a storm: a tilting horizon, grey sky, dark heaving water. */
const swell: Scene = (g, p) => {
  const sea = g.scrolling(g.texture({ w: p.w, h: p.h, cell: p.w / 40, stretchX: 5, seed: 606 }), 0, -1);
  return g.ramp(
    g.field(
      ({ X, Y, H }) =>
        [
          `st(0,${H / 2}+46*sin(${TAU}*T/4)+(${X}-320)*0.2*sin(${TAU}*T/4+1.3))`,
          `if(gt(${Y},ld(0)),min(127,14+100*clip((lum(X,Y)-100)/60,0,1)),128+127*clip(1-(ld(0)-${Y})/${H / 2},0,1))`,
        ].join(";"),
      { inputs: [sea] },
    ),
    [
      [0, "#070f15"],
      [60, "#1a303c"],
      [92, "#3d5c68"],
      [93, "#9fb5bc"],
      [127, "#e2ecef"],
      [128, "#20272d"],
      [255, "#8a959b"],
    ],
  );
};

/**
 * Conway's life on a frost-coloured grid: sparse, large cells and a settled
 * start, because a field of noise flickering every frame is the one thing
 * video codecs compress worse than GIF.
 */
const life: Scene = (g, p) => {
  const cell = Math.max(1, Math.round(p.w / 90));
  const skip = Math.round(p.t0 * p.fps) + 60;
  const src = g.source(
    `life=s=${Math.ceil(p.w / cell)}x${Math.ceil(p.h / cell)}:r=${p.fps}:seed=20260705:ratio=0.14:mold=6:life_color=#bff4ff:death_color=#04101c:mold_color=#1f6f8b`,
  );
  return g.chain(
    `${src}trim=start_frame=${skip}:end_frame=${skip + g.frames},setpts=PTS-STARTPTS,scale=${cell * Math.ceil(p.w / cell)}:${cell * Math.ceil(p.h / cell)}:flags=neighbor,crop=${p.w}:${p.h}:0:0`,
  );
};

/** Elevation from two octaves of noise, as a grey pad. */
function elevation(g: Graph, a: string, b: string): string {
  return g.chain(`${a}${b}blend=all_mode=normal:all_opacity=0.28,format=gray,lut=c0='clip(128+(val-128)*2.6,0,255)'`);
}

/** Land colours by height (sea, sand, grass, rock, snow), relief shading from an emboss, optional contour lines. */
function shadeTerrain(g: Graph, elev: string, contours: boolean): string {
  const [e1, e2] = g.split(elev, 2) as [string, string];
  const stops: Array<[number, string]> = [
    [0, "#071a33"],
    [110, "#114d7a"],
    [119, "#2c7fa6"],
    [120, "#c9b98a"],
    [124, "#7fa35a"],
    [150, "#3f7a3a"],
    [172, "#6b5a3c"],
    [196, "#8a7a66"],
    [206, "#e8eef2"],
    [255, "#ffffff"],
  ];
  // Every 5th level of height on land drawn darker: contour lines.
  const colour = g.chain(`${g.ramp(e1, stops, contours ? "*(1-0.5*gte(val,121)*lt(mod(val,5),1))" : "")}format=gbrp`);
  const relief = g.chain(
    `${e2}format=gray,convolution=0m='-2 -1 0 -1 1 1 0 1 2':0rdiv=1:0bias=128,lut=c0='clip(215+(val-128)*3,0,255)',format=gbrp`,
  );
  // Multiply: flat ground keeps 84% of its colour, slopes facing the light keep all, the others darken.
  return g.chain(`${colour}${relief}blend=all_mode=multiply`);
}

/** Terrain seen from above, sliding past. */
const terrain: Scene = (g, p) => {
  const big = g.texture({ w: p.w, h: p.h, cell: p.w / 6, seed: 61 });
  const small = g.texture({ w: big.pw, h: big.ph, cell: p.w / 26, seed: 62 });
  return shadeTerrain(g, elevation(g, g.scrolling(big, 1, 1), g.scrolling(small, 1, 1)), false);
};

/** The same kind of land as a still survey map. */
const terrainMap: Scene = (g, p) => {
  const big = g.texture({ w: p.w, h: p.h, cell: p.w / 5, seed: 61 });
  const small = g.texture({ w: p.w, h: p.h, cell: p.w / 24, seed: 62 });
  return shadeTerrain(g, elevation(g, g.fit(big.pad), g.fit(small.pad)), true);
};

/** Frost: a slow dive into the Mandelbrot set, tinted like ice. */
const frost: Scene = (g, p) => {
  const skip = Math.round(p.t0 * p.fps);
  const src = g.source(
    `mandelbrot=s=${p.w}x${p.h}:r=${p.fps}:maxiter=200:start_x=-0.743643887037151:start_y=0.13182590420533:start_scale=0.9:end_scale=0.06:end_pts=${Math.round(p.fps * 5)}:outer=normalized_iteration_count:inner=black`,
  );
  const grey = g.chain(`${src}trim=start_frame=${skip}:end_frame=${skip + g.frames},setpts=PTS-STARTPTS,format=gray`);
  return g.ramp(grey, [
    [0, "#000000"],
    [40, "#0b2233"],
    [120, "#3f86a8"],
    [200, "#c8f0ff"],
    [255, "#ffffff"],
  ]);
};

/** A small planet and one satellite going round it, passing behind. */
const orbit: Scene = (g, p) => {
  const surface = g.scrolling(g.texture({ w: p.w, h: p.h, cell: p.w / 50, stretchX: 3, seed: 808 }), 1, 0);
  return g.ramp(
    g.field(
      ({ X, Y, H }) => {
        const cy = H / 2 + 8;
        const R = 88;
        return [
          `st(0,${X}-320)`,
          `st(1,${Y}-${cy})`,
          `st(2,ld(0)*ld(0)+ld(1)*ld(1))`,
          `st(3,${TAU}*T/4)`,
          `st(4,320+236*cos(ld(3)))`,
          `st(5,${cy}+52*sin(ld(3)))`,
          `st(6,(1-lt(sin(ld(3)),0)*lt(pow(ld(4)-320,2)+pow(ld(5)-${cy},2),${R * R}))*exp(-(pow(${X}-ld(4),2)+pow(${Y}-ld(5),2))/6))`,
          `st(7,if(lt(ld(2),${R * R}),20+150*max(0,-0.62*ld(0)/${R}-0.35*ld(1)/${R}+0.7*sqrt(max(0,1-ld(2)/${R * R})))*(0.7+0.3*clip((lum(X,Y)-90)/80,0,1)),` +
            `max(110*exp(-(sqrt(ld(2))-${R})/5),max(70*lt(abs(pow(ld(0)/236,2)+pow(ld(1)/52,2)-1),0.012)*(1-lt(ld(2),${R * R})*lt(ld(1),0)),230*gt(${hash(`floor(${X})`, `floor(${Y})`, 5)},0.997)))))`,
          `min(255,max(ld(7),255*ld(6)))`,
        ].join(";");
      },
      { lowres: 1.6, inputs: [surface] },
    ),
    [
      [0, "#000000"],
      [20, "#04121c"],
      [100, "#1f6b7a"],
      [170, "#b8efe6"],
      [200, "#d8f6ff"],
      [255, "#ffffff"],
    ],
  );
};

/** A paper record scrolling out of a recorder: an elementary cellular automaton in amber. */
const record: Scene = (g, p) => {
  const cell = Math.max(1, Math.round(p.w / 180));
  const cw = Math.ceil(p.w / cell);
  const ch = Math.ceil(p.h / cell);
  const skip = Math.round(p.t0 * p.fps);
  const src = g.source(`cellauto=s=${cw}x${ch}:r=${p.fps}:rule=90:random_fill_ratio=0.04:random_seed=1776:scroll=1:start_full=1`);
  const grey = g.chain(
    `${src}trim=start_frame=${skip}:end_frame=${skip + g.frames},setpts=PTS-STARTPTS,scale=${cw * cell}:${ch * cell}:flags=neighbor,crop=${p.w}:${p.h}:0:0,format=gray`,
  );
  return g.ramp(grey, [
    [0, "#120b04"],
    [255, "#ffb84d"],
  ]);
};

/** Dawn at sea: a violet-to-amber sky, a low sun and a road of glitter on the water. */
const dawn: Scene = (g) =>
  g.ramp(
    g.field(
      ({ X, Y, H }) => {
        const hz = H * 0.56;
        return [
          `st(0,exp(-(pow(${X}-320,2)+pow(${Y}-${hz + 6},2))/${2 * 18 * 18})*2.4+exp(-(pow(${X}-320,2)+pow(${Y}-${hz},2))/${2 * 90 * 90})*0.2)`,
          `st(1,clip((${Y}-${hz})/${H - hz},0,1))`,
          `st(2,exp(-pow(${X}-320,2)/(2*pow(14+150*ld(1),2)))*(0.25+2.2*pow(max(0,sin(${X}/4.3+${TAU}*T/2+3*sin(${Y}/2.1))*sin(${X}/11-${TAU}*T/4+${Y}/1.7)),6))*(0.4+0.6*(1-ld(1))))`,
          `if(lt(${Y},${hz}),min(255,128+92*pow(1-clip((${hz}-${Y})/${hz},0,1),1.6)+127*ld(0)),min(127,18+10*(0.5+0.5*sin(${Y}*${Y}/40+${TAU}*T/4))+100*ld(2)))`,
        ].join(";");
      },
      { lowres: 1.6 },
    ),
    [
      [0, "#050814"],
      [28, "#121838"],
      [70, "#7a4a4a"],
      [127, "#ffd89a"],
      [128, "#140a2e"],
      [190, "#8a3a6e"],
      [228, "#ff9a4a"],
      [245, "#ffe2a0"],
      [255, "#ffffff"],
    ],
  );

/** A barograph trace: a week of falling and recovering pressure on squared paper. */
const barograph: Scene = (g) =>
  g.ramp(
    g.field(
      ({ X, Y, H }) =>
        `max(90*min(1,lt(mod(${X},40),0.9)*0.5+lt(mod(${Y},20),0.9)*0.35+lt(mod(${X},160),1.3)*0.6),255*exp(-pow(${Y}-(${H * 0.68}-${H * 0.36}*exp(-pow((${X}-330)/110,2))-${H * 0.08}*sin(${X}/37)+6*sin(${X}/7.3)+2*sin(${X}/1.9)),2)/2.2))`,
      { lowres: 1 },
    ),
    [
      [0, "#080a10"],
      [45, "#1d2a3c"],
      [90, "#3a5270"],
      [91, "#3a5270"],
      [255, "#ffcc66"],
    ],
  );

/** Poster for the film embed: a meadow, three hills and a huge sun, flat colour. */
const meadow: Scene = (g) =>
  g.ramp(
    g.field(
      ({ X, Y, H }) => {
        const hill = (base: number, amp: number, per: number, ph: number) => `gt(${Y},${H * base}+${amp}*sin(${X}/${per}+${ph}))`;
        return `if(${hill(0.84, 10, 30, 4)},240,if(${hill(0.7, 16, 45, 2)},200,if(${hill(0.58, 22, 70, 0)},160,if(lt(pow(${X}-470,2)+pow(${Y}-${H * 0.35},2),3600),120,100*${Y}/${H}))))`;
      },
      { lowres: 1 },
    ),
    [
      [0, "#78bef5"],
      [100, "#fadcd2"],
      [101, "#fadcd2"],
      [120, "#ffec96"],
      [121, "#ffec96"],
      [160, "#60aa5a"],
      [200, "#3c803c"],
      [240, "#1e5028"],
      [255, "#1e5028"],
    ],
  );

// -- the list ----------------------------------------------------------------

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

// ---------------------------------------------------------------------------
// Running ffmpeg

const require = createRequire(import.meta.url);

function ffmpegPath(): string {
  if (process.env.FFMPEG_PATH) return process.env.FFMPEG_PATH;
  return (require("@ffmpeg-installer/ffmpeg") as { path: string }).path;
}

/** The ffmpeg arguments that make `recipe` into `outFile`. */
export function ffmpegArgs(recipe: MediaRecipe, outFile: string): string[] {
  const isGif = recipe.kind === "gif";
  const params: SceneParams = isGif
    ? { w: recipe.width, h: recipe.height, fps: recipe.fps, seconds: recipe.seconds, t0: 0 }
    : // One frame; a fine time base so that `at` is exact (PTS are integers).
      { w: recipe.width, h: recipe.height, fps: 100, seconds: 0.01, t0: recipe.at ?? 0 };
  const g = new Graph(params);
  const out = recipe.scene(g, params);
  const chains = [...g.chains];
  let final = out;
  if (isGif) {
    const colors = recipe.colors ?? 64;
    const dither = recipe.dither ?? "bayer";
    const ditherOpt = dither === "bayer" ? `bayer:bayer_scale=${recipe.bayerScale ?? 3}` : dither;
    chains.push(`${out}split=2[pa][pb]`);
    chains.push(`[pa]palettegen=max_colors=${colors}:stats_mode=full:reserve_transparent=0[pal]`);
    chains.push(`[pb][pal]paletteuse=dither=${ditherOpt}:diff_mode=rectangle[final]`);
    final = "[final]";
  }
  // One filter thread: geq's st()/ld() variables are shared between slice
  // threads in this ffmpeg, which races and breaks determinism.
  const args = ["-hide_banner", "-nostdin", "-loglevel", "error", "-y", "-filter_complex_threads", "1", "-threads", "1"];
  for (const src of g.inputs) args.push("-f", "lavfi", "-i", src);
  args.push("-filter_complex", chains.join(";"), "-map", final, "-map_metadata", "-1");
  args.push("-fflags", "+bitexact", "-flags:v", "+bitexact");
  if (isGif) {
    args.push("-frames:v", String(Math.round(recipe.fps * recipe.seconds)), "-loop", "0", "-f", "gif");
  } else if (recipe.kind === "png") {
    args.push("-frames:v", "1", "-c:v", "png", "-pix_fmt", "rgb24", "-f", "image2");
  } else {
    args.push("-frames:v", "1", "-c:v", "mjpeg", "-pix_fmt", "yuvj444p", "-q:v", "3", "-f", "image2");
  }
  args.push(outFile);
  return args;
}

function run(bin: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(bin, args, { stdio: ["ignore", "ignore", "pipe"] });
    let err = "";
    child.stderr.on("data", (d: Buffer) => (err += d.toString()));
    child.on("error", reject);
    child.on("close", (code) => (code === 0 ? resolve() : reject(new Error(`ffmpeg exited with ${code}: ${err.trim().slice(-2000)}`))));
  });
}

export interface EnsureOptions {
  /** Regenerate even files that exist. */
  force?: boolean;
  log?: (s: string) => void;
  /** Restrict to these paths (relative to the root) of `recipes`. */
  only?: string[];
  /** Defaults to SAMPLE_MEDIA. */
  recipes?: Record<string, MediaRecipe>;
  /** Parallel ffmpeg processes; defaults to the number of cores (max 4). */
  concurrency?: number;
}

/**
 * Makes the sample media under `root` that are missing (all of them with
 * `force`). Only media of chapter folders that exist under `root` are made, so
 * pointing it at another story never litters it with sample files.
 */
export async function ensureSampleMedia(root: string, opts: EnsureOptions = {}): Promise<{ generated: string[] }> {
  const absRoot = path.resolve(root);
  const recipes = opts.recipes ?? SAMPLE_MEDIA;
  const log = opts.log ?? (() => {});
  const wanted = Object.keys(recipes).filter((rel) => !opts.only || opts.only.includes(rel));
  const todo = wanted.filter((rel) => {
    const chapterDir = path.join(absRoot, rel.split("/")[0]!);
    if (!existsSync(chapterDir) || !statSync(chapterDir).isDirectory()) return false;
    return opts.force || !existsSync(path.join(absRoot, rel));
  });
  if (todo.length === 0) return { generated: [] };

  const bin = ffmpegPath();
  const cores = typeof os.availableParallelism === "function" ? os.availableParallelism() : os.cpus().length;
  const concurrency = Math.max(1, opts.concurrency ?? Math.min(4, cores));
  const generated: string[] = [];
  const failures: string[] = [];
  // Biggest jobs first, so the pool finishes together.
  const queue = [...todo].sort((a, b) => weight(recipes[b]!) - weight(recipes[a]!));
  const worker = async () => {
    for (let rel = queue.shift(); rel !== undefined; rel = queue.shift()) {
      const file = path.join(absRoot, rel);
      mkdirSync(path.dirname(file), { recursive: true });
      // Written beside the target, then renamed: an interrupted run never leaves a half file.
      const tmp = path.join(path.dirname(file), `.partial-${process.pid}-${path.basename(file)}`);
      const started = Date.now();
      try {
        await run(bin, ffmpegArgs(recipes[rel]!, tmp));
        renameSync(tmp, file);
      } catch (e) {
        rmSync(tmp, { force: true });
        failures.push(`could not make ${rel}: ${(e as Error).message}`);
        continue;
      }
      generated.push(rel);
      log(`made ${rel} (${(statSync(file).size / 1024).toFixed(0)} KB, ${((Date.now() - started) / 1000).toFixed(1)} s)`);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, todo.length) }, worker));
  if (failures.length) throw new Error(failures.join("\n"));
  generated.sort();
  return { generated };
}

function weight(r: MediaRecipe): number {
  return r.kind === "gif" ? r.width * r.height * r.fps * r.seconds : r.width * r.height;
}

// ---------------------------------------------------------------------------
// CLI

if (isMain(import.meta.url)) {
  const argv = process.argv.slice(2);
  let root = process.env.CHAPTERS_DIR || fileURLToPath(new URL("../chapters", import.meta.url));
  let force = false;
  const only: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--chapters") root = argv[++i] ?? root;
    else if (a === "--force") force = true;
    else if (a === "--only") only.push(argv[++i] ?? "");
    else if (a === "--help" || a === "-h") {
      console.log("usage: make-sample-media [--chapters <dir>] [--force] [--only <path substring>]");
      process.exit(0);
    } else {
      console.error(`unknown argument: ${a}`);
      process.exit(2);
    }
  }
  const started = Date.now();
  const filter = only.length ? Object.keys(SAMPLE_MEDIA).filter((rel) => only.some((o) => rel.includes(o))) : undefined;
  ensureSampleMedia(root, { force, only: filter, log: (s) => console.log(s) })
    .then(({ generated }) => {
      console.log(
        generated.length
          ? `sample media: made ${generated.length} file(s) in ${((Date.now() - started) / 1000).toFixed(1)} s`
          : "sample media: all present",
      );
    })
    .catch((e: Error) => {
      console.error(e.message);
      process.exit(1);
    });
}
