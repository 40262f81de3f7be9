// A user's sessions end on their next request when they are disabled, or their rights or password change.
import { type Browser, expect, type Page, test } from "@playwright/test";
import { changeOwnPassword, createUserInUi, signInViaForm } from "./helpers";

async function signedInAs(
  browser: Browser,
  logonName: string,
  password: string,
): Promise<{ page: Page; password: string }> {
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const page = await context.newPage();
  await signInViaForm(page, logonName, password);
  const own = `${password} own`;
  await changeOwnPassword(page, password, own);
  await expect(page).toHaveURL(/\/messaging-services$/);
  return { page, password: own };
}

test("disabling a user, changing their roles or resetting their password signs them out", async ({ page, browser }) => {
  const user = await createUserInUi(page, { prefix: "session", roles: ["Auditor"] });
  const userUrl = page.url();
  const session = await signedInAs(browser, user.logonName, user.password);

  await page.goto(userUrl);
  await page.getByLabel(/^Enabled/).uncheck();
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByText("Changes saved.").first()).toBeVisible();
  await session.page.goto("/audit");
  await expect(session.page).toHaveURL(/\/login/);
  await signInViaForm(session.page, user.logonName, session.password);
  await expect(session.page.getByText("The logon name or password is not correct.")).toBeVisible();

  await page.getByLabel(/^Enabled/).check();
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByText("Changes saved.").first()).toBeVisible();
  await signInViaForm(session.page, user.logonName, session.password);
  await expect(session.page).toHaveURL(/\/messaging-services$/);

  await page.goto(userUrl);
  await page.getByRole("checkbox", { name: "Operator", exact: true }).check();
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByText("Changes saved.").first()).toBeVisible();
  await session.page.goto("/roles");
  await expect(session.page).toHaveURL(/\/login/);
  await signInViaForm(session.page, user.logonName, session.password);
  await expect(session.page).toHaveURL(/\/messaging-services$/);

  await page.getByLabel("New password", { exact: true }).fill("a new password from the admin");
  await page.getByLabel("Repeat the new password").fill("a new password from the admin");
  await page.getByRole("button", { name: "Reset password" }).click();
  await expect(page.getByText("Password reset. The user must change it at the next sign-in.")).toBeVisible();
  await session.page.goto("/users");
  await expect(session.page).toHaveURL(/\/login/);
  await signInViaForm(session.page, user.logonName, "a new password from the admin");
  await expect(session.page).toHaveURL(/\/change-password$/);
  await session.page.context().close();
});
