// Three projects: pure unit tests, and the same integration tests on the embedded PGlite database
// and on a real PostgreSQL (see lib/testing/setup-db.ts).
import { fileURLToPath } from "node:url";
import { configDefaults, defineConfig } from "vitest/config";

const integration = {
  include: ["lib/**/*.int.test.ts"],
  environment: "node",
  setupFiles: ["lib/testing/setup-env.ts", "lib/testing/setup-db.ts"],
  // Opening a database and migrating it happen in hooks; argon2 and sign-in delays in tests.
  hookTimeout: 60_000,
  testTimeout: 30_000,
};

// The app's "@/" imports, so that tests can call route handlers.
const resolve = { alias: { "@": fileURLToPath(new URL(".", import.meta.url)) } };

export default defineConfig({
  test: {
    projects: [
      {
        resolve,
        test: {
          name: "unit",
          include: ["lib/**/*.test.ts"],
          exclude: [...configDefaults.exclude, "**/*.int.test.ts"],
          environment: "node",
          // Pure tests open no database; should one try, it gets an in-memory one, never ./data.
          env: { DATABASE_URL: "pglite:memory" },
          setupFiles: ["lib/testing/setup-env.ts"],
        },
      },
      {
        resolve,
        test: {
          ...integration,
          name: "int-pglite",
          env: { DATABASE_URL: "pglite:memory" },
          provide: { testDatabase: "pglite" },
        },
      },
      {
        resolve,
        test: {
          ...integration,
          name: "int-postgres",
          provide: { testDatabase: "postgres" },
          globalSetup: ["lib/testing/postgres-global-setup.ts"],
        },
      },
    ],
  },
});
