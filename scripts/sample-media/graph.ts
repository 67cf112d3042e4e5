// A filter graph under construction, and the few drawing tools every scene
// shares. How a scene is drawn, cheaply: `geq` evaluates an expression per
// pixel, which is slow, so each scene computes ONE grey "field" (often at
// reduced size and enlarged), then a colour ramp maps grey → colour with
// `lutrgb`, which only evaluates 256 values per channel. Smooth noise textures
// are made once, held for the whole clip and slid around with `crop`, so loops
// are seamless.

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

  /** Colours a grey pad through a ramp of stops, "<grey level> #rrggbb, …" (equal levels make a hard step). */
  ramp(pad: string, stops: string, post = ""): string {
    const parsed = parseStops(stops);
    const chan = (i: number) => {
      const pts = parsed.map(([v, hex]) => [v, parseInt(hex.slice(1 + 2 * i, 3 + 2 * i), 16)] as const);
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

  /**
   * Frames `skip`… of a lavfi generator that draws one pixel per cell,
   * enlarged to `cell`-pixel squares without smoothing and cut to w×h.
   */
  cells(src: string, skip: number, cell: number, post = ""): string {
    const { w, h } = this.p;
    return this.chain(
      `${src}trim=start_frame=${skip}:end_frame=${skip + this.frames},setpts=PTS-STARTPTS,scale=${cell * Math.ceil(w / cell)}:${cell * Math.ceil(h / cell)}:flags=neighbor,crop=${w}:${h}:0:0${post}`,
    );
  }
}

export interface Texture {
  pad: string;
  pw: number;
  ph: number;
}

/** Colour stops written "0 #03182e, 90 #0b3f68, …" as [grey level, "#rrggbb"] pairs. */
export function parseStops(stops: string): Array<[number, string]> {
  return stops.split(",").map((stop) => {
    const m = /^\s*(\d+)\s+(#[0-9a-f]{6})\s*$/i.exec(stop);
    if (!m) throw new Error(`colour stop ${JSON.stringify(stop)}: expected "<grey level> #rrggbb"`);
    return [Number(m[1]), m[2]!];
  });
}
