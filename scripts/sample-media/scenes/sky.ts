// The sky: the planet's limb, cloud decks, rain, lightning, a storm's eye, an orbit.
import type { Scene } from "../graph";
import { TAU, hash } from "./expr";

/** The curved edge of the planet from the stratosphere: clouds sliding under a blue limb, stars above. */
export const limb: Scene = (g, p) => {
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
    "0 #000000, 28 #0b2a6e, 63 #a8ddff, 64 #06152e, 130 #2f5580, 255 #f4f8ff",
  );
};

/** Looking straight down at two cloud decks drifting at different heights over the sea. */
export const cloudDeck: Scene = (g, p) => {
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
    "0 #061c33, 60 #0f3b5c, 140 #7f98aa, 255 #ffffff",
  );
};

/** Slanted rain in two depths over a dim glow. */
export const rain: Scene = (g, p) => {
  const k = p.w / 480;
  const near = g.scrolling(g.texture({ w: p.w, h: p.h, cell: 2 * k, stretchY: 13, seed: 31, blur: false }), 0, -3);
  const far = g.scrolling(g.texture({ w: p.w, h: p.h, cell: k, stretchY: 12, seed: 32, blur: false }), 0, -1);
  return g.ramp(
    g.field(({ X, Y }) => `min(255,40*exp(-(pow(${X}-300,2)+pow(${Y}-180,2))/${2 * 170 * 170})+90*gt(cb(X,Y),170)+150*gt(lum(X,Y),162))`, {
      ref: 480,
      lowres: 1,
      inputs: [near, far],
    }),
    "0 #0a0e18, 40 #1e2a3e, 130 #6c7c96, 255 #dfe8ff",
  );
};

/** Night clouds lit from inside by three strokes of lightning. */
export const lightning: Scene = (g, p) => {
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
    "0 #05040a, 40 #1b1630, 150 #7d6fa8, 230 #e6e0ff, 255 #ffffff",
  );
};

/** A storm from above: spiral bands wheeling around a clear eye. */
export const stormEye: Scene = (g, p) => {
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
    "0 #071a22, 60 #1d4150, 160 #a3b7c0, 255 #ffffff",
  );
};

/** A small planet and one satellite going round it, passing behind. */
export const orbit: Scene = (g, p) => {
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
    "0 #000000, 20 #04121c, 100 #1f6b7a, 170 #b8efe6, 200 #d8f6ff, 255 #ffffff",
  );
};
