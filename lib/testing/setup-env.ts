// Every test file (unit and integration) gets its own empty data directory, so nothing a test does
// can write under ./data, and the bootstrap administrator gets a known password.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll } from "vitest";
import { TEST_ADMIN_LOGON, TEST_ADMIN_PASSWORD } from "./constants";

const dataDir = mkdtempSync(path.join(tmpdir(), "switchboard-test-"));
process.env.SWITCHBOARD_DATA_DIR = dataDir;
process.env.SWITCHBOARD_ADMIN_LOGON = TEST_ADMIN_LOGON;
process.env.SWITCHBOARD_ADMIN_PASSWORD = TEST_ADMIN_PASSWORD;

afterAll(() => {
  rmSync(dataDir, { recursive: true, force: true });
});
