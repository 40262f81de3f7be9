// The pool's handling of a connection that the server ends while pg-pool hands the client out.
import net from "node:net";
import { afterEach, describe, expect, inject, it } from "vitest";
import { withClient } from "../testing/postgres";
import { isConnectionLost } from "./connection-lost";
import { RecoveringPool } from "./recovering-pool";

const onPostgres = inject("testDatabase") === "postgres";
// A ReadyForQuery message with the idle status: the server's last word of a connection's startup.
const READY = Buffer.from([0x5a, 0, 0, 0, 5, 0x49]);

/**
 * A TCP proxy to the database whose first connection the server ends right after startup, and which hands
 * the client the server's "ready" and its FATAL 57P01 in one read, as a busy client reads them off its
 * socket. Later connections pass through.
 */
async function endingFirstConnection(url: string, applicationName: string) {
  const target = new URL(url);
  let first = true;
  const server = net.createServer((downstream) => {
    const upstream = net.connect(Number(target.port || 5432), target.hostname);
    downstream.pipe(upstream);
    downstream.on("error", () => upstream.destroy());
    upstream.on("error", () => downstream.destroy());
    if (!first) {
      upstream.pipe(downstream);
      return;
    }
    first = false;
    const chunks: Buffer[] = [];
    let terminated = false;
    upstream.on("data", (chunk: Buffer) => {
      chunks.push(chunk);
      if (terminated || !Buffer.concat(chunks).subarray(-READY.length).equals(READY)) return;
      terminated = true;
      withClient(url, (admin) =>
        admin.query("select pg_terminate_backend(pid) from pg_stat_activity where application_name = $1", [
          applicationName,
        ]),
      ).catch((error: Error) => downstream.destroy(error));
    });
    upstream.on("end", () => downstream.end(Buffer.concat(chunks)));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const proxied = new URL(url);
  proxied.host = `127.0.0.1:${(server.address() as net.AddressInfo).port}`;
  proxied.searchParams.set("application_name", applicationName);
  return { url: proxied.toString(), close: () => server.close() };
}

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

describe.runIf(onPostgres)("RecoveringPool", () => {
  it("marks the queries of a client whose connection ended as the pool handed it out, and opens a new one", async () => {
    const proxy = await endingFirstConnection(process.env.DATABASE_URL as string, `lost_on_open_${process.pid}`);
    cleanups.push(proxy.close);
    const pool = new RecoveringPool({ connectionString: proxy.url, max: 2 });
    cleanups.push(() => pool.end());
    pool.on("error", () => undefined);

    const client = await pool.connect();
    const failure = await client.query("select 1").then(
      () => undefined,
      (error: unknown) => error,
    );
    client.release();

    expect(failure).toBeInstanceOf(Error);
    expect(isConnectionLost(failure)).toBe(true);
    const { rows } = await pool.query("select 1 as one");
    expect(rows).toEqual([{ one: 1 }]);
  });
});
