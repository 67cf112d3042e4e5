// The sea: from above, at night, in a storm and at dawn.
import type { Scene } from "../graph";
import { TAU } from "./expr";

/** Open ocean seen from straight above: two swells crossing, bright where their crests meet. */
export const ocean: Scene = (g, p) => {
  const a = g.scrolling(g.texture({ w: p.w, h: p.h, cell: p.w / 9, seed: 101 }), 1, 0);
  const b = g.scrolling(g.texture({ w: p.w, h: p.h, cell: p.w / 13, seed: 102 }), 0, -1);
  return g.ramp(
    g.field(() => `255*pow(1-min(1,abs((lum(X,Y)+cb(X,Y))/2-128)/30),3)`, { inputs: [a, b] }),
    "0 #03182e, 90 #0b3f68, 190 #3d98c0, 240 #c8f0fa, 255 #ffffff",
  );
};

/** A buoy lamp at night: one slow flash, a halo, and its broken reflection on black water. */
export const lamp: Scene = (g) =>
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
    "0 #02050b, 26 #0d2036, 70 #4b3820, 150 #d99c45, 215 #ffe5ad, 255 #ffffff",
  );

/** The view from a buoy in a storm: a tilting horizon, grey sky, dark heaving water. */
export const swell: Scene = (g, p) => {
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
    "0 #070f15, 60 #1a303c, 92 #3d5c68, 93 #9fb5bc, 127 #e2ecef, 128 #20272d, 255 #8a959b",
  );
};

/** Dawn at sea: a violet-to-amber sky, a low sun and a road of glitter on the water. */
export const dawn: Scene = (g) =>
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
    "0 #050814, 28 #121838, 70 #7a4a4a, 127 #ffd89a, 128 #140a2e, 190 #8a3a6e, 228 #ff9a4a, 245 #ffe2a0, 255 #ffffff",
  );
