// The API reference: reached from the sidebar and from /api-tokens, it lists every operation of the
// OpenAPI document scripts download (which needs no token), and passes axe.
import { expect, test } from "@playwright/test";
import { baseURL } from "../playwright.config";
import { expectNoSeriousA11yViolations } from "./helpers";

test("the API reference shows the document's operations, and openapi.json downloads without a token", async ({
  page,
}) => {
  const fetched = await fetch(`${baseURL}/api/v1/openapi.json`);
  expect(fetched.status).toBe(200);
  expect(fetched.headers.get("cache-control")).toContain("public");
  const etag = fetched.headers.get("etag");
  expect(etag).toBeTruthy();
  const document = await fetched.json();
  expect(document.openapi).toBe("3.1.0");
  const revalidated = await fetch(`${baseURL}/api/v1/openapi.json`, { headers: { "If-None-Match": etag ?? "" } });
  expect(revalidated.status).toBe(304);

  await page.goto("/api-tokens");
  await page.getByRole("main").getByRole("link", { name: "API reference" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "API reference" })).toBeVisible();
  await expect(
    page.getByRole("navigation", { name: "Developers" }).getByRole("link", { name: "API reference" }),
  ).toHaveAttribute("aria-current", "page");

  // Every operation of the document has its card, with method, path and summary.
  const operations = Object.entries(document.paths as Record<string, Record<string, { summary: string }>>).flatMap(
    ([path, item]) => Object.entries(item).map(([method, operation]) => ({ method, path, summary: operation.summary })),
  );
  await expect(page.getByRole("article")).toHaveCount(operations.length);
  const put = page.getByRole("article", { name: /PUT \/api\/v1\/roles\/\{id\}/ });
  await expect(put).toContainText("Replace a role");
  await expect(put.getByRole("region", { name: "PUT /roles/{id}: parameters" })).toContainText("If-Match");
  const body = put.getByRole("region", { name: "PUT /roles/{id}: request body" });
  const row = (name: string) => body.getByRole("row").filter({ has: page.getByRole("cell", { name, exact: true }) });
  await expect(row("name")).toContainText("Yes");
  await expect(row("name")).toContainText("at most 80 characters");
  await expect(row("rights[].access")).toContainText('"manage_rights"');
  await put.getByText(/Answer fields/).click();
  await expect(put.getByRole("region", { name: "PUT /roles/{id}: answer 200" })).toContainText("updatedAt");
  await expect(page.getByText("Authorization: Bearer <token>")).toBeVisible();
  await page
    .getByRole("navigation", { name: "Operations" })
    .getByRole("link", { name: "DELETE /users/{id}", exact: true })
    .click();
  await expect(page).toHaveURL(/#deleteUsersById$/);
  await expectNoSeriousA11yViolations(page);
  await page.screenshot({ path: "/tmp/engineer-b-api-docs.png", fullPage: false });
  await page.getByRole("article", { name: /^POST \/api\/v1\/messaging-services\s?:/ }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: "/tmp/engineer-b-api-docs-body.png", fullPage: false });
  await page.getByRole("heading", { level: 1 }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: "/tmp/engineer-b-api-docs-top.png", fullPage: false });

  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download openapi.json" }).click();
  expect((await download).suggestedFilename()).toBe("switchboard-openapi.json");
});

test("the API reference needs a signed-in user", async ({ browser }) => {
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const page = await context.newPage();
  await page.goto("/api-docs");
  await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fapi-docs$/);
  await context.close();
});
