// Pages a user may not view answer with the console's refusal page (never a server error), and each
// refused visit leaves an audit row.
import { expect, test } from "@playwright/test";
import { AREA_PAGES, changeOwnPassword, createUserInUi, signInViaForm } from "./helpers";

// Every area page: a user without rights is refused on each.
const REFUSED_URLS = AREA_PAGES;

test("a user without view rights gets the refusal page on every area, and each refusal is audited", async ({
  page,
  browser,
}) => {
  const nobody = await createUserInUi(page, { prefix: "no-rights" });
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const visitor = await context.newPage();
  await signInViaForm(visitor, nobody.logonName, nobody.password);
  await changeOwnPassword(visitor, nobody.password, `${nobody.password} changed`);
  await expect(visitor.getByRole("link", { name: "Change password" })).toBeVisible();

  for (const url of REFUSED_URLS) {
    const response = await visitor.goto(url);
    expect(response?.status(), url).toBeLessThan(500);
    await expect(visitor.getByRole("alert").filter({ hasText: "Not available to you" }), url).toBeVisible();
    await expect(visitor.getByText(/You do not have the \w+ right on/), url).toBeVisible();
  }
  await context.close();

  // /messaging-services/incoming-user is refused at its first check (create on users): one row per URL.
  await page.goto(`/audit?actor=${nobody.logonName}&outcome=refused`);
  const events = page.getByRole("table", { name: "Audit events" }).locator("tbody tr");
  await expect(events).toHaveCount(REFUSED_URLS.length);
});

test("an unknown record answers the not-found page, not an error", async ({ page }) => {
  const response = await page.goto("/roles/00000000-0000-4000-8000-000000000000");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Not found" })).toBeVisible();
  const unknownPath = await page.goto("/no-such-page");
  expect(unknownPath?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Not found" })).toBeVisible();
});

test("a save that never reaches the server says nothing was saved and keeps the input", async ({ page }) => {
  await page.goto("/roles/new");
  await page.getByLabel("Name", { exact: true }).fill("Offline role");
  await page.getByLabel("Description").fill("Typed while offline");
  await page.route("**/roles/new", (route) =>
    route.request().method() === "POST" && route.request().headers()["next-action"] ? route.abort() : route.continue(),
  );
  await page.getByRole("button", { name: "Create role" }).click();
  await expect(page.getByText("The request did not reach the server, so nothing was saved.")).toBeVisible();
  await expect(page.getByLabel("Name", { exact: true })).toHaveValue("Offline role");
  await expect(page.getByLabel("Description")).toHaveValue("Typed while offline");
});

test("a server-side field error is said once; an empty search says nothing matches, without pagination", async ({
  page,
}) => {
  await page.goto("/roles/new");
  await page.getByLabel("Name", { exact: true }).fill("Administrator");
  await page.getByRole("button", { name: "Create role" }).click();
  await expect(page.getByText(/already|exists|taken/i).first()).toBeVisible();
  await expect(page.getByText("Some fields need attention.")).toHaveCount(1);

  await page.goto("/messaging-services?q=zz-nothing-matches-this");
  await expect(page.getByText("No messaging services match the search.")).toBeVisible();
  await expect(page.getByText(/page 1 of 1/)).toHaveCount(0);
});

test("the console has its icon", async ({ request }) => {
  for (const path of ["/favicon.ico", "/icon.svg"]) {
    const response = await request.get(path, { maxRedirects: 0 });
    expect(response.status(), path).toBe(200);
    expect(response.headers()["content-type"], path).toMatch(/^image\//);
  }
});
