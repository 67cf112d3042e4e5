// Instruments and charts: radar scopes, pressure maps, wind, traces and records.
import type { Scene } from "../graph";
import { TAU } from "./expr";

/** A round radar scope: range rings, a rotating beam, echoes that glow as it passes. */
export const radar: Scene = (g, p) => {
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
    "0 #000000, 10 #02140a, 60 #0f5a2a, 140 #2fd16a, 220 #b8ffcf, 255 #ffffff",
  );
};

/** A pressure chart: isobars around two lows and a high that wander in slow circles. */
export const isobars: Scene = (g) =>
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
    "0 #3a2a8c, 120 #0a0d16, 239 #7a3b16, 240 #dfeeff, 255 #ffffff",
  );

/** A rain-radar composite: banded reflectivity colours crossing a dim grid. */
export const composite: Scene = (g, p) => {
  const big = g.texture({ w: p.w, h: p.h, cell: p.w / 9, seed: 501 });
  const fine = g.texture({ w: big.pw, h: big.ph, cell: p.w / 40, seed: 502 });
  return g.ramp(
    g.field(({ X, Y }) => `st(0,lum(X,Y)*0.7+cb(X,Y)*0.3);if(lt(ld(0),134),20*(lt(mod(${X},80),1.5)+lt(mod(${Y},80),1.5)),ld(0))`, {
      inputs: [g.scrolling(big, 1, 1), g.scrolling(fine, 1, 1)],
    }),
    "0 #05080c, 10 #05080c, 10 #17212b, 134 #17212b, 134 #14532a, 146 #14532a, 146 #2aa84a, 156 #2aa84a, 156 #e0d23a, 164 #e0d23a, 164 #f08a2a, 172 #f08a2a, 172 #e23838, 186 #e23838, 186 #ff4fd8, 255 #ff4fd8",
  );
};

/** Wind: pale dashes streaming along a bending flow field. */
export const wind: Scene = (g) =>
  g.ramp(
    g.field(
      ({ X, Y }) =>
        [
          `st(0,0.7*sin(${X}/130)+0.5*cos(${Y}/80+${X}/300))`,
          `255*pow(max(sin((-${X}*sin(ld(0))+${Y}*cos(ld(0)))/3.2),0),16)*pow(max(sin((${X}*cos(ld(0))+${Y}*sin(ld(0)))/22-${TAU}*T/2),0),4)`,
        ].join(";"),
      { lowres: 1.6 },
    ),
    "0 #070b14, 90 #2b5d7a, 255 #e6fbff",
  );

/** A barograph trace: a week of falling and recovering pressure on squared paper. */
export const barograph: Scene = (g) =>
  g.ramp(
    g.field(
      ({ X, Y, H }) =>
        `max(90*min(1,lt(mod(${X},40),0.9)*0.5+lt(mod(${Y},20),0.9)*0.35+lt(mod(${X},160),1.3)*0.6),255*exp(-pow(${Y}-(${H * 0.68}-${H * 0.36}*exp(-pow((${X}-330)/110,2))-${H * 0.08}*sin(${X}/37)+6*sin(${X}/7.3)+2*sin(${X}/1.9)),2)/2.2))`,
      { lowres: 1 },
    ),
    "0 #080a10, 45 #1d2a3c, 90 #3a5270, 91 #3a5270, 255 #ffcc66",
  );

/** A paper record scrolling out of a recorder: an elementary cellular automaton in amber. */
export const record: Scene = (g, p) => {
  const cell = Math.max(1, Math.round(p.w / 180));
  const cw = Math.ceil(p.w / cell);
  const ch = Math.ceil(p.h / cell);
  const skip = Math.round(p.t0 * p.fps);
  const src = g.source(`cellauto=s=${cw}x${ch}:r=${p.fps}:rule=90:random_fill_ratio=0.04:random_seed=1776:scroll=1:start_full=1`);
  const grey = g.cells(src, skip, cell, ",format=gray");
  return g.ramp(grey, "0 #120b04, 255 #ffb84d");
};
