// Bad bytes get a field message in the browser, and the audit trail reads in the console's words:
// credential changes as sentences, no raw JSON or keys, nothing clipped at 1280px or in a narrow window.
import { expect, type Page, test } from "@playwright/test";
import { unique } from "./helpers";

/** The audit table fits its scrolling frame: nothing is cut off at the right. */
async function expectTableFits(page: Page) {
  const table = page.getByRole("table", { name: "Audit events" });
  const overflow = await table.evaluate((element) => {
    const frame = element.parentElement;
    return frame ? frame.scrollWidth - frame.clientWidth : Number.POSITIVE_INFINITY;
  });
  expect(overflow).toBeLessThanOrEqual(0);
}

test("a role name with a NUL gets a field message and nothing is saved", async ({ page }) => {
  await page.goto("/roles/new");
  await page.getByLabel("Name", { exact: true }).fill("a\u0000b");
  await page.getByRole("button", { name: "Create role" }).click();
  await expect(page.getByText("Remove the NUL character (U+0000): it cannot be stored.")).toBeVisible();
  await expect(page).toHaveURL(/\/roles\/new$/);
});

test("the audit trail names credential changes in sentences and fits the window", async ({ page }) => {
  const name = unique("wavy-audit");
  await page.goto("/messaging-services/new?type=wavy");
  await page.getByLabel("Name", { exact: true }).fill(name);
  await page.getByLabel("Service Connection").fill("https://api-messaging.wavy.global/v1/send-sms");
  await page.getByRole("button", { name: /^Add/ }).click();
  await page.locator('[id="credentials.0.authId"]').fill("wavy-audit-user");
  await page.locator('[id="credentials.0.secret"]').fill("first-secret-value");
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  await page.getByRole("button", { name: /^Replace/ }).click();
  await page.locator('[id="credentials.0.secret"]').fill("second-secret-value");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByText("Changes saved.").first()).toBeVisible();

  for (const width of [1280, 900]) {
    await page.setViewportSize({ width, height: 900 });
    await page.goto("/audit?objectType=messaging_service");
    await expect(
      page.getByRole("row", {
        name: new RegExp(`Modify Messaging service ${name}.*Authentication entry wavy-audit-user: secret replaced`),
      }),
    ).toBeVisible();
    await expect(
      page.getByRole("row", {
        name: new RegExp(`Create Messaging service ${name}.*Type: Wavy.*Service Connection: https://api-messaging`),
      }),
    ).toBeVisible();
    await expectTableFits(page);
  }
  const changes = await page.getByRole("table", { name: "Audit events" }).textContent();
  expect(changes).not.toContain('{"');
  expect(changes).not.toContain("serviceConnection");
});
