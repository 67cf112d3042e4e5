// Expression pieces the scenes share. Field expressions are written in
// reference units (a frame `ref` units wide, 640 unless said), so one scene
// renders both a 640 px GIF and a 1600 px cover.

export const TAU = "(2*PI)";
/** A hash in [0,1) of a position; used for stars. */
export const hash = (x: string, y: string, salt = 0) => `mod(abs(sin(${x}*12.9898+${y}*78.233+${salt}.17))*43758.5453,1)`;
