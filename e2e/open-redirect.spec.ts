// After signing in, a crafted callbackUrl never takes the browser to another site.
import { expect, test } from "@playwright/test";
import { baseURL } from "../playwright.config";
import { changeOwnPassword, createUserInUi } from "./helpers";

test.use({ storageState: { cookies: [], origins: [] } });

const EVIL = [
  "/\\evil.example/x",
  "/%09/evil.example/x",
  "/\\/evil.example/x",
  "//evil.example/x",
  "http://evil.example/x",
];

test("a crafted callbackUrl after sign-in stays on the console", async ({ page, browser }) => {
  const admin = await browser.newContext({ storageState: "e2e/.auth/admin.json" });
  const user = await createUserInUi(await admin.newPage(), { prefix: "redirected", roles: ["Auditor"] });
  await admin.close();
  const password = `${user.password} changed`;
  // Any request to another host would be the open redirect: fail it loudly instead of leaving.
  const offsite: string[] = [];
  await page.route(
    (url) => url.origin !== baseURL,
    (route) => {
      offsite.push(route.request().url());
      return route.abort();
    },
  );

  await page.goto("/login");
  await page.getByLabel("Logon name").fill(user.logonName);
  await page.getByLabel("Password").fill(user.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await changeOwnPassword(page, user.password, password);
  await expect(page.getByRole("heading", { level: 1, name: "Messaging services" })).toBeVisible();

  for (const callback of EVIL) {
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/login/);
    // The raw query string, as an attacker's link would carry it (%09 stays a tab once decoded).
    await page.goto(`/login?callbackUrl=${callback.replaceAll("\\", "%5C")}`);
    await page.getByLabel("Logon name").fill(user.logonName);
    await page.getByLabel("Password").fill(password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Messaging services" })).toBeVisible();
    expect(new URL(page.url()).origin).toBe(baseURL);
  }
  expect(offsite).toEqual([]);
});
