import { defineConfig } from "@playwright/test";

const PORT = Number(process.env.E2E_PORT ?? 3100);
export const baseURL = `http://localhost:${PORT}`;
export const ADMIN_PASSWORD = "e2e-first-admin-password";

export default defineConfig({
  testDir: "e2e",
  forbidOnly: !!process.env.CI,
  retries: 0,
  // One server on one embedded database: specs run one after another and name their data uniquely.
  workers: 1,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  use: {
    baseURL,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    },
  },
  projects: [
    { name: "setup", testMatch: /.*\.setup\.ts/ },
    { name: "console", dependencies: ["setup"], use: { storageState: "e2e/.auth/admin.json" } },
  ],
  webServer: {
    // The real start command, on a database of its own that scripts/e2e.mjs wiped before the run.
    // Its output is also kept in a file, so a test can prove that no secret reaches the log.
    command: "mkdir -p data/e2e && node scripts/start.mjs 2>&1 | tee data/e2e/server.log",
    url: `${baseURL}/login`,
    reuseExistingServer: false,
    timeout: 240_000,
    stdout: "pipe",
    env: {
      PORT: String(PORT),
      SWITCHBOARD_DATA_DIR: "data/e2e",
      SWITCHBOARD_ADMIN_PASSWORD: ADMIN_PASSWORD,
      NEXTAUTH_URL: baseURL,
    },
  },
});
