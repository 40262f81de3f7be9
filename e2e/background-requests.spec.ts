// A console page costs the server one request: its links do not prefetch the pages they lead to (Next's
// default made 16–18 background requests per page view: sidebar, header, a list's sort headers and pages).
// Navigating by a link still happens without reloading the page.
import { expect, type Page, test } from "@playwright/test";
import { AREA_PAGES } from "./helpers";

/** The background requests Next's router makes while the page is open (prefetches and RSC fetches). */
function routerRequests(page: Page): string[] {
  const seen: string[] = [];
  page.on("request", (request) => {
    const headers = request.headers();
    if (headers.rsc || headers["next-router-prefetch"]) seen.push(request.url());
  });
  return seen;
}

test("opening a console page makes no prefetch requests", async ({ page }) => {
  const seen = routerRequests(page);
  for (const path of AREA_PAGES) {
    await page.goto(path);
    await page.waitForLoadState("networkidle");
  }
  // The links are in view and the page is idle: Next would have prefetched them by now.
  await page.mouse.move(120, 200);
  await page.waitForTimeout(500);
  expect(seen).toEqual([]);
});

test("a sidebar link still navigates without reloading the page", async ({ page }) => {
  await page.goto("/messaging-services");
  await page.waitForLoadState("networkidle");
  const seen = routerRequests(page);
  // A full reload would drop this mark; a client-side navigation keeps it.
  await page.evaluate(() => Object.assign(window, { __stayed: true }));
  await page.getByRole("navigation", { name: "Areas" }).getByRole("link", { name: "Users" }).click();
  await expect(page).toHaveURL(/\/users$/);
  await expect(page.getByRole("heading", { level: 1, name: "Users" })).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { __stayed?: boolean }).__stayed)).toBe(true);
  // The page came as one RSC request on the click, not as a prefetch before it.
  expect(seen.filter((url) => new URL(url).pathname === "/users")).toHaveLength(1);
});
