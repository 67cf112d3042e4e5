import { connect } from "node:net";
import { networkInterfaces } from "node:os";

/** This machine's IPv4 addresses other than loopback (what a neighbour on the network could reach). */
export function nonLoopbackAddresses(): string[] {
  return Object.values(networkInterfaces())
    .flat()
    .filter((a) => a !== undefined && !a.internal && a.family === "IPv4")
    .map((a) => a!.address);
}

/** Whether a TCP connection to host:port is accepted (local addresses only: no request leaves the machine). */
export function canConnect(host: string, port: number, timeoutMs = 3000): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once("connect", () => done(true));
    socket.once("error", () => done(false));
  });
}
