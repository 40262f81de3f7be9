// The REST API demo: a token made in the console scripts a messaging service (create, then replace with
// If-Match), the console shows the change, who made it and its history, an older version is restored in
// the console, and the script reads the restored state back. Revoking the token stops it at once.
import { expect, test } from "@playwright/test";
import { baseURL } from "../playwright.config";
import { expectNoSeriousA11yViolations, unique } from "./helpers";

test("a token made in the console scripts a messaging service, whose history the console shows and restores", async ({
  page,
  playwright,
}) => {
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

  // The console's session cookie does not authenticate the API; the token does. The script's own request
  // context carries no cookie at all.
  expect((await page.request.get("/api/v1/me")).status()).toBe(401);
  const api = await playwright.request.newContext({
    baseURL: `${baseURL}/api/v1/`,
    extraHTTPHeaders: { Authorization: `Bearer ${token}` },
  });
  const me = await api.get("me");
  expect(me.status()).toBe(200);
  expect(await me.json()).toMatchObject({ logonName: "admin", token: { name: tokenName } });

  // The script adds a service with its credential; the answer reads like a read, the secret only as set.
  const serviceName = unique("Scripted SAP desk");
  const secret = unique("sap-secret-never-echoed");
  const created = await api.post("messaging-services", {
    data: {
      name: serviceName,
      type: "sap365",
      serviceConnection: "https://sap.example.com/first",
      credentials: [{ authId: "sap-user", secret: { action: "replace", value: secret } }],
    },
  });
  expect(created.status()).toBe(201);
  const service = await created.json();
  expect(service).toMatchObject({ version: 1, credentials: [{ authId: "sap-user", secret: "set" }] });
  expect(JSON.stringify(service)).not.toContain(secret);

  // Then replaces it, naming the version it read; the same write again is stale.
  const replacement = {
    name: serviceName,
    type: "sap365",
    serviceConnection: "https://sap.example.com/second",
    credentials: [{ id: service.credentials[0].id, authId: "sap-user", secret: { action: "keep" } }],
  };
  const firstEtag = created.headers().etag ?? "";
  const replaced = await api.put(`messaging-services/${service.id}`, {
    headers: { "If-Match": firstEtag },
    data: replacement,
  });
  expect(replaced.status()).toBe(200);
  expect(replaced.headers().etag).toBe('W/"2"');
  const stale = await api.put(`messaging-services/${service.id}`, {
    headers: { "If-Match": firstEtag },
    data: replacement,
  });
  expect(stale.status()).toBe(412);
  expect(stale.headers()["content-type"]).toBe("application/problem+json");

  // The console shows the scripted change, and who made it.
  await page.goto(`/messaging-services/${service.id}`);
  await expect(page.getByRole("heading", { level: 1, name: serviceName })).toBeVisible();
  await expect(page.getByLabel("Service Connection")).toHaveValue("https://sap.example.com/second");
  await page.goto(`/audit?objectType=messaging_service`);
  await expect(page.getByRole("row", { name: new RegExp(serviceName) }).first()).toContainText(
    `with API token ${tokenName}`,
  );

  // Its history: both versions, compared in the console's words; version 1 restored.
  await page.goto(`/messaging-services/${service.id}`);
  await page.getByRole("link", { name: "History" }).click();
  await expect(page.getByRole("heading", { level: 1, name: `History of ${serviceName}` })).toBeVisible();
  const versions = page.getByRole("table", { name: "Versions" });
  await expect(versions.getByRole("row")).toHaveCount(3);
  await expect(versions.getByRole("row", { name: /^2 Modify/ })).toContainText(`with API token ${tokenName}`);
  await page.getByLabel("From version").selectOption({ index: 1 });
  await page.getByLabel("To version").selectOption({ index: 0 });
  await page.getByRole("button", { name: "Compare" }).click();
  const differences = page.getByRole("region", { name: "Differences" });
  await expect(differences).toContainText("https://sap.example.com/first");
  await expect(differences).toContainText("https://sap.example.com/second");
  await expect(page.getByText(secret)).toHaveCount(0);
  await page.screenshot({ path: "/tmp/engd-history.png", fullPage: true });

  await versions.getByRole("row", { name: /^1 / }).getByRole("button", { name: "Restore this revision" }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Restore" }).click();
  await expect(page.getByText("Version 1 restored as version 3.")).toBeVisible();
  await expect(versions.getByRole("row")).toHaveCount(4);
  await expectNoSeriousA11yViolations(page);
  await page.screenshot({ path: "/tmp/engd-history-restored.png", fullPage: true });

  // The script reads the restored state: the first URL, version 3, the sealed secret back as it was.
  const restored = await api.get(`messaging-services/${service.id}`);
  expect(restored.headers().etag).toBe('W/"3"');
  expect(await restored.json()).toMatchObject({
    serviceConnection: "https://sap.example.com/first",
    version: 3,
    credentials: [{ authId: "sap-user", secret: "set" }],
  });
  const history = await (await api.get(`history/messaging_service/${service.id}`)).json();
  expect(history.revisions.map((r: { action: string; version: number }) => `${r.action} ${r.version}`)).toEqual([
    "restore 3",
    "modify 2",
    "create 1",
  ]);
  expect(history.revisions[1]).toMatchObject({ actorName: "admin", viaToken: tokenName });

  await page.goto("/api-tokens");
  const row = ownTokens.getByRole("row", { name: new RegExp(tokenName) });
  await expect(row).not.toContainText("Never");
  await row.getByRole("button", { name: `Revoke ${tokenName}` }).click();
  await page.getByRole("button", { name: "Revoke", exact: true }).click();
  await expect(row).toContainText("Revoked");
  expect((await api.get("me")).status()).toBe(401);
  await api.dispose();
});
