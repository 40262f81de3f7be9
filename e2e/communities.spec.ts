// Communities as seed 002 describes them: created from a name, HMAC and RSA keys added, Require switched on
// with its warnings, a signed identity verified through the endpoint, a key rotated (both verify, then the
// old one is removed and stops), and the JWT tester and the audit trail showing it.
import { expect, type Page, test } from "@playwright/test";
import { expIn, hs256, rsaKeyPair } from "../lib/testing/jwt";
import { expectNoSeriousA11yViolations, signInWithRights, unique } from "./helpers";

const OLD_SECRET = "0a1b2c3d4e5f60718293a4b5";
const NEW_SECRET = "f0e1d2c3b4a5968778695a4b";

async function addKey(page: Page, keyId: string, key: { secret: string } | { publicKey: string }) {
  await page.getByRole("button", { name: "Add JWT key" }).click();
  await page.getByLabel("Key ID", { exact: true }).fill(keyId);
  if ("secret" in key) {
    await page.getByLabel("Secret", { exact: true }).fill(key.secret);
  } else {
    await page.getByLabel("RSA SHA256 (public key)").check();
    await page.getByLabel("Public key (PEM)").fill(key.publicKey);
  }
  await page.getByRole("button", { name: "Add key", exact: true }).click();
  await expect(page.getByRole("cell", { name: keyId, exact: false }).first()).toBeVisible();
}

test("a community requires signed identities, rotates its key and tests a token", async ({ page }) => {
  const name = unique("Web chat");
  const rsa = rsaKeyPair();

  await page.goto("/communities");
  await page.getByRole("link", { name: "Add New" }).first().click();
  await expect(page).toHaveURL(/\/communities\/new$/);
  await page.getByLabel("Name", { exact: true }).fill(name);
  await page.getByRole("button", { name: "Create community" }).click();
  await expect(page.getByRole("heading", { name, level: 1 })).toBeVisible();
  await expect(page.getByText("Website → visitor's browser → server")).toBeVisible();

  // Require without a key is refused, and Accept warns before anything is saved.
  await page.getByLabel("Require JWT signed identities").check();
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByText("Require needs at least one JWT key")).toBeVisible();
  await page.getByLabel("Accept JWT signed identities").check();
  await expect(page.getByRole("alert").filter({ hasText: "not recommended for production" })).toBeVisible();
  await page.screenshot({ path: "/tmp/engineerE-community-new.png", fullPage: true });

  await addKey(page, "web_2026", { secret: OLD_SECRET });
  await addKey(page, "web_rsa", { publicKey: rsa.publicPem });
  await expect(page.getByText("2048 bits")).toBeVisible();
  await expect(page.getByText(OLD_SECRET)).toHaveCount(0);

  await page.getByLabel("Require JWT signed identities").check();
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByText("Changes saved.")).toBeVisible();

  const identity = (secret: string, kid: string) =>
    page.request.post(`/api/communities/${encodeURIComponent(name)}/identity`, {
      data: { jwt: hs256({ uuid: "visitor-7", firstname: "Ada", exp: expIn(7200) }, secret, { kid }) },
    });
  expect((await identity(OLD_SECRET, "web_2026")).status()).toBe(200);
  const plain = await page.request.post(`/api/communities/${encodeURIComponent(name)}/identity`, {
    data: { identity: { uuid: "visitor-7" } },
  });
  expect(await plain.json()).toEqual({ error: "signature_required" });

  // Rotation: the new key is added, both verify; the old one is removed and stops.
  await addKey(page, "web_2027", { secret: NEW_SECRET });
  expect((await identity(NEW_SECRET, "web_2027")).status()).toBe(200);
  expect((await identity(OLD_SECRET, "web_2026")).status()).toBe(200);
  await page.getByRole("button", { name: "Remove JWT key web_2026" }).click();
  await page.getByRole("button", { name: "Remove key" }).click();
  await expect(page.getByText("JWT key web_2026 removed")).toBeVisible();
  expect(await (await identity(OLD_SECRET, "web_2026")).json()).toEqual({ error: "unknown_kid" });
  expect((await identity(NEW_SECRET, "web_2027")).status()).toBe(200);
  await page.reload();
  await expect(page.getByRole("row").filter({ hasText: "web_2027" }).getByText("Never")).toHaveCount(0);

  // The tester: a good token verifies with web_2027; one expiring too soon is explained.
  const tester = page.getByRole("region", { name: "JWT tester" });
  await tester.getByLabel("JWT").fill(hs256({ uuid: "visitor-7", exp: expIn(7200) }, NEW_SECRET, { kid: "web_2027" }));
  await tester.getByRole("button", { name: "Test token" }).click();
  await expect(tester.getByText("Verified with key web_2027")).toBeVisible();
  await expect(tester.getByRole("row").filter({ hasText: "Require JWT signed identities" })).toContainText("Accepted");
  await expect(tester.getByRole("row").filter({ hasText: "Reject JWT signed identities" })).toContainText("Refused");
  await page.screenshot({ path: "/tmp/engineerE-community-detail.png", fullPage: true });
  await tester.getByLabel("JWT").fill(hs256({ uuid: "visitor-7", exp: expIn(60) }, NEW_SECRET, { kid: "web_2027" }));
  await tester.getByRole("button", { name: "Test token" }).click();
  await expect(tester.getByText("exp_too_soon", { exact: true })).toBeVisible();

  // Extra values: crm_id fills a custom field whose regex keeps anything but a customer ID out.
  const mappingSection = page.getByRole("region", { name: "Extra value mappings" });
  await mappingSection.getByRole("button", { name: "Add custom field" }).click();
  await mappingSection.getByLabel("Label", { exact: true }).fill("Customer ID");
  await expect(mappingSection.getByLabel("Key", { exact: true })).toHaveValue("customer_id");
  await mappingSection.getByLabel(/^Custom regex \(optional/).fill("C-[0-9]{4}");
  await mappingSection.getByRole("button", { name: "Add mapping" }).click();
  await mappingSection.getByLabel("Extra value key").fill("crm_id");
  await mappingSection.getByLabel("Destination").selectOption("custom:customer_id");
  await mappingSection.getByRole("button", { name: "Save fields and mappings" }).click();
  await expect(page.getByText("Custom fields and mappings saved.")).toBeVisible();
  const mapped = await page.request.post(`/api/communities/${encodeURIComponent(name)}/identity`, {
    data: {
      jwt: hs256({ uuid: "v", extra_values: { crm_id: "C-1001" }, exp: expIn(7200) }, NEW_SECRET, { kid: "web_2027" }),
    },
  });
  expect(await mapped.json()).toMatchObject({ fields: { "custom:customer_id": "C-1001" }, dropped: [] });
  const preview = page.getByRole("region", { name: "Mapping preview and regex tester" });
  await preview.getByLabel("Identity (JSON").fill(JSON.stringify({ extra_values: { crm_id: "1001" } }));
  await preview.getByRole("button", { name: "Preview mapping" }).click();
  await expect(preview.getByText("regex_mismatch")).toBeVisible();
  await page.screenshot({ path: "/tmp/engineerE-community-mappings.png", fullPage: true });

  await page.goto("/communities");
  await expect(page.getByRole("link", { name })).toBeVisible();
  await page.screenshot({ path: "/tmp/engineerE-communities-list.png", fullPage: true });

  await page.goto("/audit");
  await expect(page.getByText(name).first()).toBeVisible();
  await page.screenshot({ path: "/tmp/engineerE-audit.png", fullPage: true });
});

test("who may only view a community is offered nothing the service would refuse", async ({ page, browser }) => {
  const name = unique("View only chat");
  await page.goto("/communities/new");
  await page.getByLabel("Name", { exact: true }).fill(name);
  await page.getByRole("button", { name: "Create community" }).click();
  await expect(page.getByRole("heading", { name, level: 1 })).toBeVisible();
  await addKey(page, "web_view", { secret: OLD_SECRET });
  const mappingSection = page.getByRole("region", { name: "Extra value mappings" });
  await mappingSection.getByRole("button", { name: "Add mapping" }).click();
  await mappingSection.getByLabel("Extra value key").fill("crm_id");
  await mappingSection.getByLabel("Destination").selectOption("identity:firstname");
  await mappingSection.getByRole("button", { name: "Save fields and mappings" }).click();
  await expect(page.getByText("Custom fields and mappings saved.")).toBeVisible();
  const communityUrl = page.url();

  const viewer = await signInWithRights(page, browser, "community-viewer", ["View Communities"]);
  const v = viewer.page;
  await v.goto("/communities");
  await expect(v.getByRole("link", { name })).toBeVisible();
  await expect(v.getByRole("link", { name: "Add New" })).toHaveCount(0);

  await v.goto(communityUrl);
  await expect(v.getByRole("heading", { name, level: 1 })).toBeVisible();
  await expect(v.getByText("You may view this community but not change it.")).toBeVisible();
  await expect(v.getByLabel("Name", { exact: true })).toBeDisabled();
  for (const control of [
    "Save changes",
    "Delete community",
    "Add JWT key",
    "Remove JWT key web_view",
    "Add custom field",
    "Add mapping",
    "Remove mapping 1",
    "Save fields and mappings",
  ])
    await expect(v.getByRole("button", { name: control }), control).toHaveCount(0);
  // What the view right allows is offered, and works.
  const tester = v.getByRole("region", { name: "JWT tester" });
  await tester.getByLabel("JWT").fill(hs256({ uuid: "v", exp: expIn(7200) }, OLD_SECRET, { kid: "web_view" }));
  await tester.getByRole("button", { name: "Test token" }).click();
  await expect(tester.getByText("Verified with key web_view")).toBeVisible();
  await v.screenshot({ path: "/tmp/engineerH-community-view-only.png", fullPage: true });
  await expectNoSeriousA11yViolations(v);

  await v.goto("/communities/new");
  await expect(v.getByText("You do not have the create right on communities.")).toBeVisible();
  await viewer.context.close();
});
