// `npm run cluster [-- --instances 3 --port 6081 --base-port 3101]`: Varnish
// in front of N instances of the site on this machine, for trying the
// many-instances setup (docs/deploy.md has the production recipe). One build,
// one content root, one shared cache folder (compiled chapters, media, the
// release journal); each instance BANs Varnish after a content change.
import path from "node:path";
import { Command, InvalidArgumentError } from "commander";
import { cacheRoot, contentRoot, readEnv } from "../lib/env";
import { startSiteProcess, type SiteProcess } from "./lib/site-process";
import { startVarnish, type VarnishProcess } from "./lib/varnish-process";
import { isMain } from "./lib/is-main";

const port = (value: string): number => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 65535) throw new InvalidArgumentError(`"${value}" is not a port (1-65535)`);
  return n;
};
const count = (value: string): number => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 32) throw new InvalidArgumentError(`"${value}" is not a number of instances (1-32)`);
  return n;
};

export interface ClusterOptions {
  instances: number;
  port: number;
  basePort: number;
  chapters: string;
  cacheDir: string;
  vcl?: string;
  log?: (line: string) => void;
}

export interface Cluster {
  url: string;
  varnish: VarnishProcess;
  instances: SiteProcess[];
  stop(): Promise<void>;
}

export async function startCluster(o: ClusterOptions): Promise<Cluster> {
  const log = o.log ?? console.log;
  const purge = `http://127.0.0.1:${o.port}/`;
  const instances: SiteProcess[] = [];
  let varnish: VarnishProcess | null = null;
  try {
    // Varnish first: the instances' probes turn healthy as they come up.
    varnish = await startVarnish({
      port: o.port,
      vcl: o.vcl,
      backends: Array.from({ length: o.instances }, (_, i) => ({ host: "127.0.0.1", port: o.basePort + i })),
    });
    for (let i = 0; i < o.instances; i++) {
      // One at a time: the first builds (if the code changed), the others reuse its build.
      const site = await startSiteProcess({
        chapters: o.chapters,
        cacheDir: o.cacheDir,
        port: o.basePort + i,
        env: { INSTALLMENT_PURGE_URL: purge, HOST: "127.0.0.1" },
        log,
      });
      instances.push(site);
      log(`[cluster] instance ${i + 1}/${o.instances} at ${site.url}`);
    }
  } catch (error) {
    await Promise.all(instances.map((s) => s.stop()));
    await varnish?.stop();
    throw error;
  }
  const v = varnish;
  return {
    url: v.url,
    varnish: v,
    instances,
    stop: async () => {
      await Promise.all(instances.map((s) => s.stop()));
      await v.stop();
    },
  };
}

async function main(): Promise<void> {
  const env = readEnv();
  const program = new Command("npm run cluster")
    .description("Varnish in front of several instances of the site, on this machine")
    .option("-n, --instances <n>", "instances of the site", count, 2)
    .option("-p, --port <port>", "Varnish's port (the URL readers use)", port, 6081)
    .option("--base-port <port>", "first instance's port; the others follow", port, 3101)
    .option("--chapters <dir>", "content root", contentRoot(env))
    .option("--vcl <file>", 'main VCL file (it must include "backends.vcl")')
    .parse();
  const opts = program.opts<{ instances: number; port: number; basePort: number; chapters: string; vcl?: string }>();
  const cluster = await startCluster({ ...opts, chapters: path.resolve(opts.chapters), cacheDir: cacheRoot(env) });
  console.log(`[cluster] ${opts.instances} instances behind Varnish at ${cluster.url}  (Ctrl-C stops all)`);
  const stop = () => void cluster.stop().then(() => process.exit(0));
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

if (isMain(import.meta.url)) {
  main().catch((error: unknown) => {
    console.error(`[cluster] ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
}
