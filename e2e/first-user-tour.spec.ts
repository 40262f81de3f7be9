// What a first user tripped over: a user asked to enrol or to change their password can sign out; the code
// step can go back to another name; the administrator sees why a user must enrol, which roles require it,
// and effective rights only on areas the console has.
import { expect, test } from "@playwright/test";
import { generate } from "otplib";
import { changeOwnPassword, createUserInUi, signInViaForm, unique } from "./helpers";

test.use({ storageState: { cookies: [], origins: [] } });

test("forced steps offer Sign out, and the user's page says which role requires the second factor", async ({
  page,
  browser,
}) => {
  const admin = await browser.newContext({ storageState: "e2e/.auth/admin.json" });
  const adminPage = await admin.newPage();
  const roleName = unique("Exit 2FA");
  await adminPage.goto("/roles/new");
  await adminPage.getByLabel("Name", { exact: true }).fill(roleName);
  await adminPage.getByLabel(/Members must use a second factor/).check();
  await adminPage.getByRole("button", { name: "Create role" }).click();
  await expect(adminPage.getByRole("heading", { level: 1, name: roleName })).toBeVisible();
  await expect(adminPage.getByText("Second factor required")).toBeVisible();
  await adminPage.goto(`/roles?q=${encodeURIComponent(roleName)}`);
  await expect(adminPage.getByRole("row", { name: new RegExp(roleName) })).toContainText("Second factor required");
  await adminPage.goto("/roles?q=Administrator");
  await expect(adminPage.getByRole("row", { name: /Administrator/ })).toContainText("Built-in");
  await expect(adminPage.getByRole("row", { name: /Administrator/ })).not.toContainText("Second factor required");
  const user = await createUserInUi(adminPage, { prefix: "exit-2fa", roles: [roleName] });
  const card = adminPage.getByRole("region", { name: "Second factor" });
  await expect(card).toContainText(
    `Not set up. Their role ${roleName} requires it, so they set it up at their next sign-in.`,
  );

  // Forced password change: Sign out leads back to the sign-in page.
  await signInViaForm(page, user.logonName, user.password);
  await expect(page).toHaveURL(/\/change-password$/);
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login/);
  await page.goto("/messaging-services");
  await expect(page).toHaveURL(/\/login/);

  // Forced enrolment: Sign out too, and the session is gone.
  const password = `${user.password} changed`;
  await signInViaForm(page, user.logonName, user.password);
  await changeOwnPassword(page, user.password, password);
  await expect(page).toHaveURL(/\/enrol-second-factor$/);
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login/);
  await page.goto("/enrol-second-factor");
  await expect(page).toHaveURL(/\/login/);

  // The administrator's own page points to their Security page instead of a reset.
  await adminPage.goto("/users");
  await adminPage.getByRole("link", { name: "admin", exact: true }).click();
  await expect(card.getByRole("link", { name: "Security page" })).toHaveAttribute("href", "/account/security");
  await expect(adminPage.getByRole("button", { name: "Reset second factor" })).toHaveCount(0);
  const rights = adminPage.getByRole("table", { name: "Effective rights" });
  await expect(rights.getByRole("row", { name: /^Users Manage rights All Administrator$/ })).toBeVisible();
  await expect(rights.getByRole("row", { name: /^SMS channels View All Administrator$/ })).toBeVisible();
  await admin.close();
});

test("Copy codes confirms the copy; Sign in as someone else on the code step starts over with an empty name", async ({
  page,
  browser,
}) => {
  const admin = await browser.newContext({ storageState: "e2e/.auth/admin.json" });
  const user = await createUserInUi(await admin.newPage(), { prefix: "code-back", roles: ["Auditor"] });
  await admin.close();
  const password = `${user.password} changed`;
  await signInViaForm(page, user.logonName, user.password);
  await changeOwnPassword(page, user.password, password);
  await expect(page.getByRole("heading", { level: 1, name: "Messaging services" })).toBeVisible();
  await page.goto("/account/security");
  await page.getByRole("button", { name: "Set up an authenticator app" }).click();
  const secret = ((await page.locator("#totp-key").textContent()) ?? "").replaceAll(/\s/g, "");
  await page.getByLabel("Code from the app").fill(await generate({ secret }));
  await page.getByRole("button", { name: "Confirm and turn on" }).click();
  // Copy codes says whether it worked, and the clipboard holds the ten codes.
  await page.context().grantPermissions(["clipboard-read", "clipboard-write"]);
  const items = page.getByRole("list", { name: "Recovery codes" }).getByRole("listitem");
  await expect(items).toHaveCount(10);
  const codes = await items.allTextContents();
  await page.getByRole("button", { name: "Copy codes" }).click();
  await expect(page.getByText("Recovery codes copied.")).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(codes.join("\n"));
  await page.getByRole("button", { name: "I have saved them" }).click();
  await expect(page.getByText(/On since/)).toBeVisible();
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login/);

  // Focus is only reported in the window in front (the administrator's page was opened after this one).
  await page.bringToFront();
  await signInViaForm(page, user.logonName, password);
  await expect(page.getByText(`Password accepted for ${user.logonName}.`)).toBeVisible();
  await expect(page.getByText("Use the logon name and password your administrator gave you.")).toHaveCount(0);
  await page.getByRole("button", { name: "Sign in as someone else" }).click();
  await expect(page.getByLabel("Logon name")).toHaveValue("");
  await expect(page.getByLabel("Logon name")).toBeFocused();
  await expect(page.getByLabel("Password")).toHaveValue("");
  await expect(page.getByText("Use the logon name and password your administrator gave you.")).toBeVisible();
});
