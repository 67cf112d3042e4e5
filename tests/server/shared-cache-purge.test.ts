import { createServer } from "node:net";
import { describe, expect, it } from "vitest";
import { readEnv } from "../../lib/env";
import { banSharedCache, purgeOnReload } from "../../lib/server/shared-cache-purge";
import type { Runtime } from "../../lib/server/runtime";
import { backendsVcl } from "../../scripts/lib/varnish-config";

describe("purging the shared cache", () => {
  it("INSTALLMENT_PURGE_URL takes comma-separated http(s) URLs and names a bad one", () => {
    expect(readEnv({ INSTALLMENT_PURGE_URL: "http://127.0.0.1:6081/, http://10.0.0.2:6081" }).INSTALLMENT_PURGE_URL).toEqual([
      "http://127.0.0.1:6081/",
      "http://10.0.0.2:6081",
    ]);
    expect(() => readEnv({ INSTALLMENT_PURGE_URL: "varnish:6081" })).toThrow(
      /INSTALLMENT_PURGE_URL="varnish:6081": must be a comma-separated list of http/,
    );
  });

  it("sends BAN to every shared cache after each reload", async () => {
    const seen: string[] = [];
    // Node's HTTP parser knows no BAN (Varnish's own method): read the request line by hand.
    const server = createServer((socket) => {
      socket.once("data", (chunk) => {
        seen.push(chunk.toString("latin1").split(" HTTP/")[0]!);
        socket.end("HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok");
      });
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
    const port = (server.address() as { port: number }).port;
    const listeners: (() => void)[] = [];
    const runtime = { onReload: (l: () => void) => (listeners.push(l), () => {}) } as unknown as Runtime;
    const logged: Record<string, unknown>[] = [];
    purgeOnReload(runtime, [`http://127.0.0.1:${port}/`], (e) => logged.push(e));
    expect(seen).toEqual([]);
    for (const l of listeners) l();
    await new Promise((r) => setTimeout(r, 200));
    expect(seen).toEqual(["BAN /"]);
    expect(logged[0]).toMatchObject({ event: "shared-cache-ban", status: 200 });
    expect(await banSharedCache(`http://127.0.0.1:${port}/`)).toBe(200);
    server.close();
  });

  it("the generated backends include lists every instance, a round-robin director and the purgers", () => {
    const vcl = backendsVcl([
      { host: "127.0.0.1", port: 3001 },
      { host: "10.0.0.7", port: 3002 },
    ]);
    expect(vcl).toContain('.port = "3002";');
    expect(vcl).toContain("instances.add_backend(instance1);");
    expect(vcl).toMatch(/acl purgers \{[^}]*"10\.0\.0\.7";/);
    expect(() => backendsVcl([])).toThrow(/at least one/);
    expect(() => backendsVcl([{ host: "a b", port: 1 }])).toThrow(/"a b"/);
  });
});
