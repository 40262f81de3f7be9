// axe on the screens issue 6 added: the security page (each state of the set-up), the forced enrolment
// page, the sign-in code step, a user's page with its User rights and Second factor cards, and Settings.
import { expect, type Page, test } from "@playwright/test";
import { generate } from "otplib";
import { changeOwnPassword, createUserInUi, expectNoSeriousA11yViolations, signInViaForm, unique } from "./helpers";

test.use({ storageState: { cookies: [], origins: [] } });

async function createRole(page: Page, name: string, opts: { secondFactor: boolean }) {
  await page.goto("/roles/new");
  await page.getByLabel("Name", { exact: true }).fill(name);
  if (opts.secondFactor) await page.getByLabel(/Members must use a second factor/).check();
  await page.getByRole("checkbox", { name: "View Messaging services" }).check();
  await page.getByRole("button", { name: "Create role" }).click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
}

test("the second-factor screens, a user's page and Settings have no serious accessibility findings", async ({
  page,
  browser,
}) => {
  const admin = await browser.newContext({ storageState: "e2e/.auth/admin.json" });
  const adminPage = await admin.newPage();
  await adminPage.goto("/settings");
  await expect(adminPage.getByLabel("Allowed internal hosts")).toBeVisible();
  await expectNoSeriousA11yViolations(adminPage);
  await adminPage.goto("/account/security");
  await expect(adminPage.getByRole("button", { name: "Set up an authenticator app" })).toBeVisible();
  await expectNoSeriousA11yViolations(adminPage);

  const roleName = unique("A11y 2FA");
  await createRole(adminPage, roleName, { secondFactor: true });
  const user = await createUserInUi(adminPage, { prefix: "a11y-2fa", roles: [roleName] });

  // The forced enrolment: start, QR code and key, a refused code, the recovery codes.
  const password = `${user.password} changed`;
  await signInViaForm(page, user.logonName, user.password);
  await changeOwnPassword(page, user.password, password);
  await expect(page).toHaveURL(/\/enrol-second-factor$/);
  await expectNoSeriousA11yViolations(page);
  await page.getByRole("button", { name: "Set up an authenticator app" }).click();
  const secret = ((await page.locator("#totp-key").textContent()) ?? "").replaceAll(/\s/g, "");
  await page.getByLabel("Code from the app").fill("000000");
  await page.getByRole("button", { name: "Confirm and turn on" }).click();
  await expect(page.getByText(/This code is not correct/).first()).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await page.getByLabel("Code from the app").fill(await generate({ secret }));
  await page.getByRole("button", { name: "Confirm and turn on" }).click();
  await expect(page.getByRole("list", { name: "Recovery codes" }).getByRole("listitem")).toHaveCount(10);
  await expectNoSeriousA11yViolations(page);
  await page.getByRole("button", { name: "I have saved them" }).click();
  await expect(page).toHaveURL(/\/messaging-services$/);

  // The security page once the second factor is on.
  await page.goto("/account/security");
  await expect(page.getByText(/On since/)).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  // The code step of the sign-in, before and after a wrong code.
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login/);
  await signInViaForm(page, user.logonName, password);
  await expect(page.getByLabel("Authentication code")).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await page.getByLabel("Authentication code").fill("123456");
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(page.getByText(/This code is not correct or was used already/)).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  // The administrator's view of that user: User rights, Second factor with its reset, Effective rights.
  await adminPage.goto("/users");
  await adminPage.getByRole("link", { name: user.logonName }).click();
  await expect(adminPage.getByRole("region", { name: "User rights" })).toBeVisible();
  await expect(adminPage.getByRole("button", { name: "Reset second factor" })).toBeVisible();
  await expectNoSeriousA11yViolations(adminPage);
  await admin.close();
});
