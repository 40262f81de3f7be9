import { expect, test } from "@playwright/test";
import { baseURL } from "../playwright.config";
import { expectNoSeriousA11yViolations, unique } from "./helpers";

const api = (path: string, token: string, init: RequestInit = {}) =>
  fetch(`${baseURL}/api/v1${path}`, {
    ...init,
    headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json", ...init.headers },
  });

test("a token made in the console works with the API, and the console shows what it changed", async ({ page }) => {
  const tokenName = unique("script");
  await page.goto("/");
  await page.getByRole("link", { name: "API tokens" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "API tokens" })).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  await page.getByLabel("Name").fill(tokenName);
  await page.getByLabel("Expires").selectOption({ label: "In 30 days" });
  await page.getByRole("button", { name: "Create token" }).click();
  await expect(page.getByText("you will not see it again")).toBeVisible();
  const token = await page.getByLabel("Token", { exact: true }).inputValue();
  expect(token).toMatch(/^sb_/);
  const ownTokens = page.getByRole("region", { name: "Your tokens" });
  await expect(ownTokens.getByRole("row", { name: new RegExp(tokenName) })).toContainText("Active");

  // The console's session cookie does not authenticate the API; the token does.
  expect((await page.request.get("/api/v1/me")).status()).toBe(401);
  const me = await api("/me", token);
  expect(me.status).toBe(200);
  expect(await me.json()).toMatchObject({ logonName: "admin", token: { name: tokenName } });

  const roleName = unique("API role");
  const created = await api("/roles", token, {
    method: "POST",
    body: JSON.stringify({ name: roleName, description: "Made by a script", rights: [] }),
  });
  expect(created.status).toBe(201);
  const role = await created.json();
  const renamed = await api(`/roles/${role.id}`, token, {
    method: "PUT",
    headers: { "If-Match": created.headers.get("etag") ?? "" },
    body: JSON.stringify({ name: `${roleName} renamed`, description: "Renamed by a script", rights: [] }),
  });
  expect(renamed.status).toBe(200);

  await page.goto(`/roles/${role.id}`);
  await expect(page.getByLabel("Name")).toHaveValue(`${roleName} renamed`);
  await expect(page.getByLabel("Description")).toHaveValue("Renamed by a script");

  await page.goto("/audit");
  const auditRow = page.getByRole("row", { name: new RegExp(`${roleName} renamed`) }).first();
  await expect(auditRow).toContainText(`with API token ${tokenName}`);

  await page.goto("/api-tokens");
  const row = ownTokens.getByRole("row", { name: new RegExp(tokenName) });
  await expect(row).not.toContainText("Never");
  await row.getByRole("button", { name: `Revoke ${tokenName}` }).click();
  await page.getByRole("button", { name: "Revoke", exact: true }).click();
  await expect(row).toContainText("Revoked");
  expect((await api("/me", token)).status).toBe(401);
});
