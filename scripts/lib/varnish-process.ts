// Runs varnishd in the foreground on a loopback port with the project's VCL
// and a generated backends include: `npm run cluster` and tests/cluster.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { backendsVcl, type BackendAddress } from "./varnish-config";
import { projectDir } from "./project-dir";

export const VARNISHD = "/usr/sbin/varnishd";
export const DEFAULT_VCL = path.join(projectDir, "deploy", "varnish", "default.vcl");

export interface VarnishOptions {
  port: number;
  backends: BackendAddress[];
  /** Main VCL file (default deploy/varnish/default.vcl); it includes "backends.vcl". */
  vcl?: string;
  /** Address to listen on (default 127.0.0.1). */
  host?: string;
  memory?: string;
}

export interface VarnishProcess {
  url: string;
  port: number;
  workdir: string;
  output: string[];
  /** A counter from varnishstat, e.g. "MAIN.backend_req". */
  counter(name: string): number;
  stop(): Promise<void>;
}

export async function startVarnish(options: VarnishOptions): Promise<VarnishProcess> {
  if (!existsSync(VARNISHD)) throw new Error(`${VARNISHD} is missing: apt-get install varnish (npm install does it)`);
  const workdir = mkdtempSync(path.join(tmpdir(), "installment-varnish-"));
  writeFileSync(path.join(workdir, "backends.vcl"), backendsVcl(options.backends));
  const vcl = path.resolve(options.vcl ?? DEFAULT_VCL);
  const host = options.host ?? "127.0.0.1";
  const args = [
    "-F",
    "-n",
    path.join(workdir, "n"),
    "-a",
    `${host}:${options.port}`,
    "-f",
    vcl,
    "-p",
    `vcl_path=${workdir}:${path.dirname(vcl)}:${path.dirname(DEFAULT_VCL)}`,
    "-s",
    `malloc,${options.memory ?? "64m"}`,
    "-T",
    "127.0.0.1:0",
  ];
  // As root, varnishd wants its own users unless jails are off.
  if (typeof process.getuid === "function" && process.getuid() === 0) args.push("-j", "none");
  const child: ChildProcess = spawn(VARNISHD, args, { stdio: ["ignore", "pipe", "pipe"], detached: true });
  const output: string[] = [];
  const onData = (b: Buffer) => output.push(...b.toString("utf8").split("\n").filter(Boolean));
  child.stdout?.on("data", onData);
  child.stderr?.on("data", onData);
  let exited = false;
  child.once("exit", () => (exited = true));
  const deadline = Date.now() + 30_000;
  while (!(await listening(host, options.port))) {
    if (exited) throw new Error(`varnishd exited:\n${output.join("\n")}`);
    if (Date.now() > deadline) throw new Error(`varnishd did not listen on ${host}:${options.port} in 30 s:\n${output.join("\n")}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  const stop = () =>
    new Promise<void>((resolve) => {
      const done = () => {
        rmSync(workdir, { recursive: true, force: true });
        resolve();
      };
      if (exited) return done();
      const force = setTimeout(() => signal("SIGKILL"), 5000);
      child.once("exit", () => {
        clearTimeout(force);
        done();
      });
      signal("SIGTERM");
    });
  const signal = (s: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, s);
    } catch {
      /* gone */
    }
  };
  return {
    url: `http://${host}:${options.port}`,
    port: options.port,
    workdir,
    output,
    counter(name) {
      const r = spawnSync("varnishstat", ["-n", path.join(workdir, "n"), "-1", "-f", name], { encoding: "utf8" });
      const m = new RegExp(`^${name.replace(".", "\\.")}\\s+(\\d+)`, "m").exec(r.stdout ?? "");
      return m ? Number(m[1]) : NaN;
    },
    stop,
  };
}

function listening(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = connect({ host, port });
    s.once("connect", () => {
      s.destroy();
      resolve(true);
    });
    s.once("error", () => resolve(false));
  });
}
