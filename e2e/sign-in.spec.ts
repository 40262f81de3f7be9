// Lockout after repeated failures, the same message for unknown names, and signing out.
import { expect, test } from "@playwright/test";
import { changeOwnPassword, createUserInUi, signInViaForm } from "./helpers";

test.use({ storageState: { cookies: [], origins: [] } });

test("ten failed sign-ins lock the logon name for a while, even for the right password", async ({ page, browser }) => {
  const admin = await browser.newContext({ storageState: "e2e/.auth/admin.json" });
  const adminPage = await admin.newPage();
  const user = await createUserInUi(adminPage, { prefix: "locked" });
  await admin.close();

  // An unknown name gets exactly the message a wrong password gets.
  await signInViaForm(page, "nobody-by-this-name", "whatever password");
  await expect(page.getByText("The logon name or password is not correct.")).toBeVisible();

  await page.getByLabel("Logon name").fill(user.logonName);
  for (let attempt = 1; attempt <= 9; attempt++) {
    await page.getByLabel("Password").fill(`wrong password ${attempt}`);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByText("The logon name or password is not correct.")).toBeVisible();
    await expect(page.getByRole("button", { name: "Sign in" })).toBeEnabled();
  }
  await page.getByLabel("Password").fill("wrong password 10");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText(/Too many failed sign-ins\. Try again in 15 minutes\./)).toBeVisible();

  await page.getByLabel("Password").fill(user.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText(/Too many failed sign-ins/)).toBeVisible();
  await expect(page).toHaveURL(/\/login/);
});

test("signing out ends the session", async ({ page, browser }) => {
  const admin = await browser.newContext({ storageState: "e2e/.auth/admin.json" });
  const user = await createUserInUi(await admin.newPage(), { prefix: "leaver", roles: ["Auditor"] });
  await admin.close();

  await signInViaForm(page, user.logonName, user.password);
  await changeOwnPassword(page, user.password, `${user.password} too`);
  await expect(page).toHaveURL(/\/messaging-services$/);
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login/);
  await page.goto("/audit");
  await expect(page).toHaveURL(/\/login/);
  await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
});

test("a form is offered only once its page is live, so nothing typed before is reset", async ({ browser }) => {
  // Without JavaScript the page never comes alive: what the server sent shows the fields, held disabled.
  const asServerSent = await browser.newContext({
    javaScriptEnabled: false,
    storageState: { cookies: [], origins: [] },
  });
  const before = await asServerSent.newPage();
  await before.goto("/login");
  await expect(before.getByLabel("Logon name")).toBeDisabled();
  await expect(before.getByRole("button", { name: "Sign in" })).toBeDisabled();
  await asServerSent.close();
  // Nor does a button that acts on a click: signing out waits for the page too.
  const consoleServerSent = await browser.newContext({
    javaScriptEnabled: false,
    storageState: "e2e/.auth/admin.json",
  });
  const consolePage = await consoleServerSent.newPage();
  await consolePage.goto("/messaging-services");
  await expect(consolePage.getByRole("button", { name: "Sign out" })).toBeDisabled();
  await consoleServerSent.close();

  const live = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const after = await live.newPage();
  await after.goto("/login");
  await expect(after.getByLabel("Logon name")).toBeEnabled();
  await live.close();
  const liveConsole = await browser.newContext({ storageState: "e2e/.auth/admin.json" });
  const consoleLive = await liveConsole.newPage();
  await consoleLive.goto("/messaging-services");
  await expect(consoleLive.getByRole("button", { name: "Sign out" })).toBeEnabled();
  await liveConsole.close();
});
