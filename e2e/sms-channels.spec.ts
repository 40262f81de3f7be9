// SMS channels as the driver's Security and Privacy page describes them: a channel is added, mutual TLS
// is refused until its passwords are set (in the driver's words), a good PKCS#12 file is uploaded and
// checked, the change waits for a driver restart, and marking the driver restarted clears it.
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { expectNoSeriousA11yViolations, signInWithRights, unique } from "./helpers";

let dir = "";

test.beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), "e2e-p12-"));
  const run = (args: string[]) => execFileSync("openssl", args, { cwd: dir, stdio: "ignore" });
  run([
    "req",
    "-x509",
    "-newkey",
    "rsa:2048",
    "-nodes",
    "-keyout",
    "key.pem",
    "-out",
    "cert.pem",
    "-days",
    "365",
    "-subj",
    "/CN=driver.example.test",
  ]);
  run([
    "pkcs12",
    "-export",
    "-inkey",
    "key.pem",
    "-in",
    "cert.pem",
    "-passout",
    "pass:store-pass",
    "-out",
    "driver.p12",
  ]);
});

test.afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const group = (page: import("@playwright/test").Page, label: string) => page.getByRole("group", { name: label });

test("an administrator adds a channel, sets up mutual TLS, checks the key store and marks the driver restarted", async ({
  page,
}) => {
  const name = unique("opensmpp").replace(/-/g, "_");
  await page.goto("/sms-channels");
  await page.getByRole("link", { name: "Add New" }).first().click();
  await page.getByLabel("Name", { exact: true }).fill(name);
  await expect(page.getByLabel("Section")).toHaveValue(`channel-${name}`);
  await expect(page.getByText("The SMSC and the driver must use the same x-smpp-tls-mode setting.")).toBeVisible();
  await expect(page.getByText(/TLS mode is off: .* have no effect/)).toBeVisible();
  await page.screenshot({ path: "/tmp/engineer-f-new.png", fullPage: true });

  // Mutual without a store or its passwords: refused, in the driver's terms.
  await page.getByLabel("TLS mode").selectOption("mutual");
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByText(/^Mutual mode needs the location of the PKCS#12 file/)).toBeVisible();
  await expect(page.getByText("Mutual mode needs the password to access the PKCS#12 file.")).toBeVisible();
  await expect(page.getByText("Mutual mode needs the password of the certificate in the PKCS#12 file.")).toBeVisible();
  await expect(page).toHaveURL(/\/sms-channels\/new$/);

  await page.getByLabel("Path to certificate").fill("/opt/genesys/sms/driver.p12");
  await group(page, "Certificate file password").getByRole("button", { name: "Set" }).click();
  await page.getByLabel("Certificate file password", { exact: true }).fill("store-pass");
  await group(page, "Certificate password").getByRole("button", { name: "Set" }).click();
  await page.getByLabel("Certificate password", { exact: true }).fill("store-pass");
  await page.getByLabel("Submit maximum rate (messages per second)").fill("20");
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  await expect(
    page.getByText("Restart pending: the driver has not been marked restarted since this channel was added."),
  ).toBeVisible();

  // The driver is restarted with the new channel.
  await page.getByRole("button", { name: "Mark driver restarted" }).click();
  await expect(page.getByText(/^Up to date: the driver runs with the options below/)).toBeVisible();

  // Upload the store the path points to: the server opens it with the saved passwords.
  await page.getByLabel("PKCS#12 file (.p12, .pfx)").setInputFiles(path.join(dir, "driver.p12"));
  await page.getByRole("button", { name: "Upload and check" }).click();
  await expect(
    page.getByText("The file opens with the file password and its private key with the certificate password."),
  ).toBeVisible();
  await expect(page.getByRole("cell", { name: "CN=driver.example.test" }).first()).toBeVisible();

  // An after-restart option changes: the channel waits for a restart, listing exactly that change.
  await page.getByLabel("Submit maximum rate (messages per second)").fill("40");
  await group(page, "Certificate password").getByRole("button", { name: "Replace" }).click();
  await page.getByLabel("Certificate password", { exact: true }).fill("wrong-pass");
  await page.getByRole("button", { name: "Save changes" }).click();
  const changed = page.getByRole("list", { name: "Changed since the last restart" });
  await expect(changed.getByRole("listitem")).toHaveText([
    "x-smpp-submit-max-rate: 20 → 40",
    "x-smpp-tls-certificate-password: changed",
  ]);
  await expect(page.getByText(/^Get Key failed: Given final block not properly padded/)).toBeVisible();
  await page.getByRole("link", { name: /Troubleshooting: Password for your certificate is invalid/ }).click();
  await expect(page).toHaveURL(/#troubleshooting-key-password$/);
  await page.screenshot({ path: "/tmp/engineer-f-detail.png", fullPage: true });
  await expectNoSeriousA11yViolations(page);

  await page.goto("/sms-channels?restart=pending");
  await expect(page.getByRole("link", { name: /SMS channels? restart pending/ })).toBeVisible();
  await expect(page.getByRole("row", { name: new RegExp(name) })).toContainText("Restart pending");
  await page.screenshot({ path: "/tmp/engineer-f-list.png", fullPage: true });
  await expectNoSeriousA11yViolations(page);
  await page.getByRole("link", { name }).click();
  await page.getByRole("button", { name: "Mark driver restarted" }).click();
  await expect(page.getByText(/^Up to date: the driver runs/)).toBeVisible();
  await page.goto("/sms-channels?restart=pending");
  await expect(page.getByRole("row", { name: new RegExp(name) })).toHaveCount(0);
});

test("who may only view an SMS channel is offered nothing the service would refuse", async ({ page, browser }) => {
  const name = unique("viewonly").replace(/-/g, "_");
  await page.goto("/sms-channels/new");
  await page.getByLabel("Name", { exact: true }).fill(name);
  await group(page, "SMSC password").getByRole("button", { name: "Set" }).click();
  await page.getByLabel("SMSC password", { exact: true }).fill("pw123");
  await page.getByLabel("Submit maximum rate (messages per second)").fill("20");
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  const channelUrl = page.url();

  const viewer = await signInWithRights(page, browser, "sms-viewer", ["View SMS channels"]);
  const v = viewer.page;
  await v.goto("/sms-channels");
  await expect(v.getByRole("link", { name })).toBeVisible();
  await expect(v.getByRole("link", { name: "Add New" })).toHaveCount(0);

  await v.goto(channelUrl);
  await expect(v.getByRole("heading", { level: 1, name })).toBeVisible();
  await expect(v.getByText("You may view this channel but not change it.")).toBeVisible();
  await expect(
    v.getByText("Restart pending: the driver has not been marked restarted since this channel was added."),
  ).toBeVisible();
  await expect(v.getByLabel("Submit maximum rate (messages per second)")).toHaveValue("20");
  // The secret says only that it is set: no Set, Replace or Clear for someone who may not save.
  await expect(group(v, "SMSC password")).toHaveCount(0);
  for (const control of [
    "Save changes",
    "Delete channel",
    "Mark driver restarted",
    "Upload and check",
    "Replace",
    "Set",
    "Clear",
  ])
    await expect(v.getByRole("button", { name: control, exact: true }), control).toHaveCount(0);
  await expect(v.getByLabel("PKCS#12 file (.p12, .pfx)")).toHaveCount(0);
  // Exporting leaves secrets out and needs only the view right: offered, without the secrets box.
  await expect(v.getByLabel("Include secrets")).toHaveCount(0);
  const download = v.waitForEvent("download");
  await v.getByRole("button", { name: "Export CFG" }).click();
  expect((await download).suggestedFilename()).toBe("sms-channels.cfg");
  await v.screenshot({ path: "/tmp/engineerH-sms-channel-view-only.png", fullPage: true });
  await expectNoSeriousA11yViolations(v);

  await v.goto("/sms-channels/new");
  await expect(v.getByText("You do not have the create right on SMS channels.")).toBeVisible();
  await viewer.context.close();
});
