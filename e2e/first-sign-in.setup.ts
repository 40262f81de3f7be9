// The first start: the administrator signs in with the one-time password and must choose their own.
import { expect, test as setup } from "@playwright/test";
import { ADMIN_PASSWORD } from "../playwright.config";
import { changeOwnPassword, expectNoSeriousA11yViolations, signInViaForm } from "./helpers";

export const ADMIN_NEW_PASSWORD = "switchboard e2e admin passphrase";

setup("first sign-in forces a password change, then opens the console", async ({ page }) => {
  await page.goto("/users");
  await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fusers/);
  await expectNoSeriousA11yViolations(page);

  await signInViaForm(page, "admin", ADMIN_PASSWORD);
  await expect(page).toHaveURL(/\/change-password$/);
  await expect(page.getByRole("heading", { name: "Choose your password" })).toBeVisible();

  // Nothing else is reachable before the change.
  await page.goto("/roles");
  await expect(page).toHaveURL(/\/change-password$/);

  // A common password and a short one are refused with messages on their fields.
  await changeOwnPassword(page, ADMIN_PASSWORD, "short");
  await expect(page.getByText("Use at least 12 characters.")).toBeVisible();
  await changeOwnPassword(page, ADMIN_PASSWORD, "qwerty123456");
  await expect(page.getByText("This is one of the most common passwords")).toBeVisible();

  await changeOwnPassword(page, ADMIN_PASSWORD, ADMIN_NEW_PASSWORD);
  await expect(page).toHaveURL(/\/messaging-services$/);
  await expect(page.getByRole("heading", { level: 1, name: "Messaging services" })).toBeVisible();
  await page.context().storageState({ path: "e2e/.auth/admin.json" });
});
