// A one-line progress bar on a TTY stderr (no dependency): redrawn in place,
// throttled, cleared at the end. Draws nothing when stderr is not a TTY.
export interface ProgressBar {
  update(done: number, total: number, current: string): void;
  stop(): void;
}

export function createProgressBar(stream: NodeJS.WriteStream = process.stderr, label = "media"): ProgressBar {
  if (!stream.isTTY) return { update() {}, stop() {} };
  const started = Date.now();
  let last = 0;
  let lastDone = -1;
  let drawn = false;
  return {
    update(done, total, current) {
      const now = Date.now();
      if (done < total && now - last < 100 && done === lastDone) return;
      lastDone = done;
      last = now;
      const cols = stream.columns || 80;
      const width = Math.max(10, Math.min(30, cols - 50));
      const filled = total ? Math.round((done / total) * width) : width;
      const secs = ((now - started) / 1000).toFixed(1);
      const head = `${label} [${"█".repeat(filled)}${"░".repeat(width - filled)}] ${done}/${total} ${secs}s `;
      const room = Math.max(0, cols - head.length - 1);
      const name = current.length > room ? "…" + current.slice(current.length - room + 1) : current;
      stream.write(`\r\x1b[2K${head}${name}`);
      drawn = true;
    },
    stop() {
      if (drawn) stream.write("\r\x1b[2K");
    },
  };
}
