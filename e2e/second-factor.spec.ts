// The TOTP second factor in the browser: a user enrols from their security page, then signs in
// with a code and with a recovery code; a role that requires it makes its members enrol first.
import { expect, type Page, test } from "@playwright/test";
import { generate } from "otplib";
import { changeOwnPassword, createUserInUi, expectNoSeriousA11yViolations, signInViaForm, unique } from "./helpers";

test.use({ storageState: { cookies: [], origins: [] } });

/** The code an authenticator app would show `steps` periods from now. */
const codeAt = (secret: string, steps = 0) =>
  generate({ secret, epoch: Math.floor(Date.now() / 1000) + steps * 30, period: 30 });

/** Enrols on the page shown (security page or forced set-up) and answers the key and recovery codes. */
async function enrol(page: Page) {
  await page.getByRole("button", { name: "Set up an authenticator app" }).click();
  await expect(page.getByRole("img", { name: "QR code for your authenticator app" })).toBeVisible();
  const secret = ((await page.locator("#totp-key").textContent()) ?? "").replaceAll(/\s/g, "");
  expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
  await expectNoSeriousA11yViolations(page);

  await page.getByLabel("Code from the app").fill("000000");
  await page.getByRole("button", { name: "Confirm and turn on" }).click();
  await expect(page.getByText(/This code is not correct/).first()).toBeVisible();
  await page.getByLabel("Code from the app").fill(await codeAt(secret));
  await page.getByRole("button", { name: "Confirm and turn on" }).click();
  const codes = page.getByRole("list", { name: "Recovery codes" }).getByRole("listitem");
  await expect(codes).toHaveCount(10);
  const recoveryCodes = await codes.allTextContents();
  return { secret, recoveryCodes };
}

async function signOut(page: Page) {
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login/);
}

async function signInWithCode(page: Page, logonName: string, password: string, code: string) {
  await signInViaForm(page, logonName, password);
  await expect(page.getByLabel("Authentication code")).toBeVisible();
  await page.getByLabel("Authentication code").fill(code);
  await page.getByRole("button", { name: "Verify" }).click();
}

test("a user enrols an authenticator, then signs in with a code and with a recovery code", async ({
  page,
  browser,
}) => {
  const admin = await browser.newContext({ storageState: "e2e/.auth/admin.json" });
  const user = await createUserInUi(await admin.newPage(), { prefix: "totp", roles: ["Auditor"] });
  const password = `${user.password} changed`;
  await signInViaForm(page, user.logonName, user.password);
  await changeOwnPassword(page, user.password, password);
  await expect(page.getByRole("heading", { level: 1, name: "Messaging services" })).toBeVisible();

  await page.getByRole("link", { name: "Security" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Security" })).toBeVisible();
  const { secret, recoveryCodes } = await enrol(page);
  await page.getByRole("button", { name: "I have saved them" }).click();
  await expect(page.getByText(/On since .* 10 of 10 recovery codes left/)).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await signOut(page);

  // The password alone no longer opens the console; a wrong code is refused.
  await signInWithCode(page, user.logonName, password, "123456");
  await expect(page.getByText(/This code is not correct or was used already/)).toBeVisible();
  await expect(page).toHaveURL(/\/login/);
  // The next period's code (the current one confirmed the set-up and cannot be used again).
  await page.getByLabel("Authentication code").fill(await codeAt(secret, 1));
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Messaging services" })).toBeVisible();
  await signOut(page);

  await signInWithCode(page, user.logonName, password, recoveryCodes[0] ?? "");
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
  await page.goto("/account/security");
  await expect(page.getByText(/9 of 10 recovery codes left/)).toBeVisible();

  // The administrator sees it on the user's page and can reset it.
  const adminPage = await admin.newPage();
  await adminPage.goto("/users");
  await adminPage.getByRole("link", { name: user.logonName }).click();
  await adminPage.getByRole("button", { name: "Reset second factor" }).click();
  await adminPage.getByRole("alertdialog").getByRole("button", { name: "Reset second factor" }).click();
  await expect(adminPage.getByText(`Second factor of ${user.logonName} reset.`)).toBeVisible();
  await admin.close();

  // That ended the user's session; the password alone opens the console again.
  await page.reload();
  await expect(page).toHaveURL(/\/login/);
  await signInViaForm(page, user.logonName, password);
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
});

test("members of a role that requires a second factor enrol before they reach the console", async ({
  page,
  browser,
}) => {
  const admin = await browser.newContext({ storageState: "e2e/.auth/admin.json" });
  const adminPage = await admin.newPage();
  const roleName = unique("Needs 2FA");
  await adminPage.goto("/roles/new");
  await adminPage.getByLabel("Name", { exact: true }).fill(roleName);
  await adminPage.getByLabel(/Members must use a second factor/).check();
  await adminPage.getByRole("checkbox", { name: "View Messaging services" }).check();
  await adminPage.getByRole("button", { name: "Create role" }).click();
  await expect(adminPage.getByRole("heading", { level: 1, name: roleName })).toBeVisible();
  await expect(adminPage.getByLabel(/Members must use a second factor/)).toBeChecked();
  const user = await createUserInUi(adminPage, { prefix: "forced", roles: [roleName] });
  await admin.close();

  const password = `${user.password} changed`;
  await signInViaForm(page, user.logonName, user.password);
  await changeOwnPassword(page, user.password, password);
  await expect(page).toHaveURL(/\/enrol-second-factor$/);
  await expect(page.getByRole("heading", { name: "Set up a second factor" })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  // Nothing else is reachable before the set-up.
  await page.goto("/messaging-services");
  await expect(page).toHaveURL(/\/enrol-second-factor$/);

  await enrol(page);
  await page.getByRole("button", { name: "I have saved them" }).click();
  await expect(page).toHaveURL(/\/messaging-services$/);
  await expect(page.getByRole("heading", { level: 1, name: "Messaging services" })).toBeVisible();

  // And it cannot be turned off while the role requires it.
  await page.goto("/account/security");
  await expect(
    page.getByText(`Your role ${roleName} requires a second factor, so it cannot be turned off.`),
  ).toBeVisible();
  await expect(page.getByRole("button", { name: "Turn off second factor" })).toHaveCount(0);
});
