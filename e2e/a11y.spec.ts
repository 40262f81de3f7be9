// axe on every console screen: no serious or critical finding, and no CSP violation in the console.
import { expect, type Page, test } from "@playwright/test";
import { MESSAGING_SERVICE_TYPES } from "../lib/messaging/service-types";
import { AREA_PAGES, createUserInUi, expectNoSeriousA11yViolations, unique } from "./helpers";

/** Collects what the browser reports about blocked content while the page is used. */
function watchCsp(page: Page): string[] {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy|Content-Security-Policy/i.test(message.text())) violations.push(message.text());
  });
  return violations;
}

async function check(page: Page, path: string, violations: string[]) {
  await page.goto(path);
  await expect(page.getByRole("heading", { level: 1 }).first()).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  expect(violations, path).toEqual([]);
}

test("every console screen passes axe with no CSP violation", async ({ page }) => {
  // About 30 screens, each analysed by axe: more than the default minute on a busy machine.
  test.setTimeout(300_000);
  const violations = watchCsp(page);
  await createUserInUi(page, { prefix: "a11y" });
  const userPage = page.url();

  await page.goto("/roles/new");
  const roleName = unique("a11y-role");
  await page.getByLabel("Name", { exact: true }).fill(roleName);
  await page.getByRole("button", { name: "Create role" }).click();
  await expect(page.getByRole("heading", { level: 1, name: roleName })).toBeVisible();
  const rolePage = page.url();

  await page.goto("/communities/new");
  const communityName = unique("a11y-community");
  await page.getByLabel("Name", { exact: true }).fill(communityName);
  await page.getByRole("button", { name: "Create community" }).click();
  await expect(page.getByRole("heading", { level: 1, name: communityName })).toBeVisible();
  const communityPage = page.url();

  await page.goto("/sms-channels/new");
  const channelName = unique("a11y_channel").replace(/-/g, "_");
  await page.getByLabel("Name", { exact: true }).fill(channelName);
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: channelName })).toBeVisible();
  const channelPage = page.url();

  // Every area page (lists, Add New pages, guided flows), each service type's form, and a record of each area.
  const screens = new Set([
    ...AREA_PAGES,
    ...MESSAGING_SERVICE_TYPES.map((type) => `/messaging-services/new?type=${type}`),
    userPage,
    rolePage,
    communityPage,
    channelPage,
    "/change-password",
    "/no-such-page",
  ]);
  for (const path of screens) await check(page, path, violations);

  // A messaging service's page, when one exists.
  await page.goto("/messaging-services");
  const first = page.getByRole("table", { name: "Messaging services" }).locator("tbody a").first();
  if ((await first.count()) > 0) {
    await first.click();
    await expect(page.getByRole("heading", { name: "Outgoing authentication" })).toBeVisible();
    await expectNoSeriousA11yViolations(page);
  }
  expect(violations).toEqual([]);
});

test("the sign-in page passes axe with no CSP violation", async ({ browser }) => {
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const page = await context.newPage();
  const violations = watchCsp(page);
  await check(page, "/login", violations);
  await context.close();
});
