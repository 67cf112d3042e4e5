// `npm run cluster [-- --instances 3 --port 6081 --base-port 3101]`: Varnish
// in front of N instances of the site on this machine, for trying the
// many-instances setup (docs/deploy.md has the production recipe). One build,
// one content root, one shared cache folder (compiled chapters, media, the
// release journal); each instance BANs Varnish after a content change.
import { cacheRoot, readEnv } from "../lib/env";
import { chaptersDir, chaptersOption, createProgram, integerIn, runCli } from "./lib/cli";
import { startSiteProcess, type SiteProcess } from "./lib/site-process";
import { startVarnish, type VarnishProcess } from "./lib/varnish-process";
import { isMain } from "./lib/is-main";

const port = integerIn(1, 65535, "a port");
const count = integerIn(1, 32, "a number of instances");

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

async function cluster(opts: { instances: number; port: number; basePort: number; chapters?: string; vcl?: string }): Promise<void> {
  const env = readEnv();
  const running = await startCluster({ ...opts, chapters: chaptersDir(opts.chapters, env), cacheDir: cacheRoot(env) });
  console.log(`[cluster] ${opts.instances} instances behind Varnish at ${running.url}  (Ctrl-C stops all)`);
  const stop = () => void running.stop().then(() => process.exit(0));
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

if (isMain(import.meta.url)) {
  const program = createProgram("npm run cluster", "[cluster]")
    .description("Varnish in front of several instances of the site, on this machine")
    .option("-n, --instances <n>", "instances of the site", count, 2)
    .option("-p, --port <port>", "Varnish's port (the URL readers use)", port, 6081)
    .option("--base-port <port>", "first instance's port; the others follow", port, 3101)
    .addOption(chaptersOption())
    .option("--vcl <file>", 'main VCL file (it must include "backends.vcl")')
    .action(cluster);
  void runCli(program);
}
