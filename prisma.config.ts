// Prisma CLI configuration. The wasm schema engine (engine "js") works offline; the adapter is the app's own.
import { defineConfig } from "prisma/config";
import { createAdapter } from "./lib/db/adapter";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  adapter: async () => createAdapter(process.env.DATABASE_URL).factory,
});
