// A separate process racing for the same outbox entry (tests/server/notify-outbox.test.ts):
// waits until the given instant, then tries to create the entry and claim attempts 1..5; prints what it won.
import { openOutbox } from "../../lib/server/notify-outbox";

const [dir, startAt] = process.argv.slice(2);
const outbox = openOutbox(dir!);
while (Date.now() < Number(startAt)) {
  /* spin to line up with the other processes */
}
const created = outbox.enqueue("2027-01-01T09-00-00.000Z", "hook", { pid: process.pid });
const claimed: number[] = [];
for (let n = 1; n <= 5; n++) if (outbox.claim("2027-01-01T09-00-00.000Z", "hook", n, Date.now())) claimed.push(n);
process.stdout.write(JSON.stringify({ created, claimed }));
