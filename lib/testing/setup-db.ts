// Setup of both integration projects: each test file gets a database of its own (an in-memory PGlite,
// or a new PostgreSQL database that is dropped afterwards), migrated and bootstrapped as at server start.
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, inject } from "vitest";
import { closeDb } from "../db";
import { prepareDatabase } from "../startup";
import { TEST_DATABASE_PREFIX } from "./constants";
import { quoteDatabaseName, urlForDatabase, withClient } from "./postgres";
import "./provided-context";

let dropDatabase: (() => Promise<void>) | undefined;

beforeAll(async () => {
  if (inject("testDatabase") === "postgres") {
    const adminUrl = inject("postgresAdminUrl");
    const name = quoteDatabaseName(`${TEST_DATABASE_PREFIX}${inject("testRunId")}_${randomBytes(6).toString("hex")}`);
    await withClient(adminUrl, (client) => client.query(`CREATE DATABASE ${name} TEMPLATE template0`));
    dropDatabase = async () => {
      await withClient(adminUrl, (client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    };
    process.env.DATABASE_URL = urlForDatabase(adminUrl, name.slice(1, -1));
  } else {
    process.env.DATABASE_URL = "pglite:memory";
  }
  await prepareDatabase(() => {});
});

afterAll(async () => {
  await closeDb();
  await dropDatabase?.();
});
