// Global setup of the int-postgres project: fail fast, in one line, when PostgreSQL cannot be reached;
// afterwards drop any database of this run that a crashed test file did not drop itself.
import { randomBytes } from "node:crypto";
import type { TestProject } from "vitest/node";
import { TEST_DATABASE_PREFIX } from "./constants";
import { describeUrl, postgresAdminUrl, quoteDatabaseName, withClient } from "./postgres";
import "./provided-context";

export default async function setup(project: TestProject) {
  const url = postgresAdminUrl();
  try {
    await withClient(url, (client) => client.query("SELECT 1"));
  } catch (error) {
    const reason = error instanceof Error && error.message ? ` (${error.message.split("\n")[0]})` : "";
    // Exiting here, rather than throwing, keeps Vitest from burying the cause under "No test files found".
    console.error(
      `PostgreSQL is not reachable at ${describeUrl(url)}${reason}: start it (pg_ctlcluster 15 main start) or set TEST_POSTGRES_URL.`,
    );
    process.exit(1);
  }
  const runId = randomBytes(4).toString("hex");
  project.provide("postgresAdminUrl", url);
  project.provide("testRunId", runId);

  return async () => {
    await withClient(url, async (client) => {
      const { rows } = await client.query<{ datname: string }>(
        "SELECT datname FROM pg_database WHERE starts_with(datname, $1)",
        [`${TEST_DATABASE_PREFIX}${runId}_`],
      );
      for (const { datname } of rows) {
        await client.query(`DROP DATABASE IF EXISTS ${quoteDatabaseName(datname)} WITH (FORCE)`);
      }
    });
  };
}
