// Fixed values the integration setup and the tests agree on.

/** The bootstrap administrator's password in tests (SWITCHBOARD_ADMIN_PASSWORD). */
export const TEST_ADMIN_LOGON = "admin";
export const TEST_ADMIN_PASSWORD = "Bootstrap-Admin-Pass-4711";

/** The password factory-made users get unless a test chooses one. */
export const TEST_PASSWORD = "Factory-User-Pass-0815";

export const DEFAULT_POSTGRES_URL = "postgres://postgres@127.0.0.1:5432/postgres";

export const TEST_DATABASE_PREFIX = "switchboard_test_";
