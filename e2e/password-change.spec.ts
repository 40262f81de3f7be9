// After the forced password change the console opens at once, without passing the sign-in page,
// and the user's other sessions end.
import { expect, test } from "@playwright/test";
import { createUserInUi, signInViaForm } from "./helpers";

test.use({ storageState: { cookies: [], origins: [] } });

test("after the forced password change the console opens without the sign-in page in between", async ({
  page,
  browser,
}) => {
  const admin = await browser.newContext({ storageState: "e2e/.auth/admin.json" });
  const user = await createUserInUi(await admin.newPage(), { prefix: "straight", roles: ["Auditor"] });
  await admin.close();
  const other = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const otherPage = await other.newPage();
  await signInViaForm(otherPage, user.logonName, user.password);
  await expect(otherPage).toHaveURL(/\/change-password$/);

  await signInViaForm(page, user.logonName, user.password);
  await expect(page).toHaveURL(/\/change-password$/);
  const visited: string[] = [];
  page.on("framenavigated", (frame) => {
    if (frame === page.mainFrame()) visited.push(new URL(frame.url()).pathname);
  });
  const password = `${user.password} changed`;
  await page.getByLabel("One-time password").fill(user.password);
  await page.getByLabel("New password", { exact: true }).fill(password);
  await page.getByLabel("Repeat the new password").fill(password);
  await page.getByRole("button", { name: "Change password" }).click();

  await expect(page).toHaveURL(/\/messaging-services$/);
  await expect(page.getByRole("heading", { level: 1, name: "Messaging services" })).toBeVisible();
  expect(visited).not.toContain("/login");
  // This session goes on under the new password; the other one has ended.
  await page.goto("/audit");
  await expect(page.getByRole("heading", { level: 1, name: "Audit" })).toBeVisible();
  await otherPage.goto("/audit");
  await expect(otherPage).toHaveURL(/\/login/);
  await other.close();
});
