// Prisma CLI configuration. The wasm schema engine (engine "js") works offline; the adapter is the app's own.
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { defineConfig } from "prisma/config";
import { createAdapter, type DatabaseAdapter } from "./lib/db/adapter";

/**
 * The database opens on the first connection, not when the CLI asks for the adapter: `prisma -v` (run by
 * @prisma/client's postinstall on every `npm install`) asks but never connects, and an opened
 * ./data/pglite would keep it from ever exiting.
 */
function openedOnConnect(url: string | undefined): SqlMigrationAwareDriverAdapterFactory {
  let adapter: DatabaseAdapter | undefined;
  const factory = (): SqlMigrationAwareDriverAdapterFactory => {
    adapter ??= createAdapter(url);
    return adapter.factory;
  };
  return {
    provider: "postgres",
    adapterName: "switchboard (PGlite or PostgreSQL by DATABASE_URL)",
    connect: () => factory().connect(),
    connectToShadowDb: () => factory().connectToShadowDb(),
  };
}

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  adapter: async () => openedOnConnect(process.env.DATABASE_URL),
});
