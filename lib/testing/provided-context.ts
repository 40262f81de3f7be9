// Values the Vitest configuration and global setups hand to the test files (read with `inject`).
declare module "vitest" {
  export interface ProvidedContext {
    /** Which database the integration project runs on. */
    testDatabase: "pglite" | "postgres";
    /** PostgreSQL server (any database on it) where each test file creates and drops its own database. */
    postgresAdminUrl: string;
    /** Names this run's databases, so the run's teardown can drop what a crashed file left. */
    testRunId: string;
  }
}

export {};
