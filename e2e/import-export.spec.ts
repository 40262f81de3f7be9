// An administrator exports the roles, changes one in the document, checks the import with a dry run
// (which shows the change as an update with its diff), imports it, and finds the change in the list.
import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { expectNoSeriousA11yViolations, unique } from "./helpers";

interface ExportedRole {
  name: string;
  description: string;
}

test("export the roles, change one, check the import with a dry run, import it", async ({ page }) => {
  const roleName = unique("Transfer desk");
  await page.goto("/roles/new");
  await page.getByLabel("Name", { exact: true }).fill(roleName);
  await page.getByLabel("Description").fill("Before export");
  await page.getByRole("button", { name: "Create role" }).click();
  await expect(page.getByRole("heading", { level: 1, name: roleName })).toBeVisible();

  await page.getByRole("link", { name: "Import / Export" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Import and export" })).toBeVisible();
  for (const area of ["Messaging services", "Users", "Settings", "Communities", "SMS channels"]) {
    await page.getByRole("checkbox", { name: area }).uncheck();
  }
  const downloading = page.waitForEvent("download");
  await page.getByRole("button", { name: "Download export" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^switchboard-export-\d{4}-\d\d-\d\d\.json$/);
  const exported = JSON.parse(await readFile(await download.path(), "utf8"));
  expect(Object.keys(exported.areas)).toEqual(["roles"]);
  const role = exported.areas.roles.find((r: ExportedRole) => r.name === roleName);
  expect(role.description).toBe("Before export");
  role.description = "Changed by import";

  const card = page.getByRole("region", { name: "Import", exact: true });
  await card.getByRole("textbox", { name: "Document" }).fill(JSON.stringify(exported, null, 2));
  await card.getByRole("radio", { name: /Overwrite/ }).check();
  await expect(card.getByRole("button", { name: "Import", exact: true })).toBeDisabled();
  await card.getByRole("button", { name: "Check (dry run)" }).click();
  const plan = card.getByRole("region", { name: "Dry run: what the import would do" });
  const row = plan.getByRole("row", { name: new RegExp(roleName) });
  await expect(row).toContainText("Update");
  await expect(row).toContainText("Description: Before export → Changed by import");
  await expect(
    page.getByText(/Dry run with policy "overwrite": 0 to create, 1 to update, \d+ unchanged/),
  ).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await page.screenshot({ path: "/tmp/engineer-c-import-dry-run.png", fullPage: true });

  await card.getByRole("button", { name: "Import", exact: true }).click();
  await expect(page.getByText(/Imported with policy "overwrite": 0 created, 1 updated/)).toBeVisible();
  await page.screenshot({ path: "/tmp/engineer-c-import-applied.png", fullPage: true });

  await page.goto(`/roles?q=${encodeURIComponent(roleName)}`);
  await expect(page.getByRole("row", { name: new RegExp(roleName) })).toContainText("Changed by import");
});

test("export an SMS channel in the driver's CFG and CSV, import them back unchanged, then a changed CFG", async ({
  page,
}) => {
  const name = unique("driver").replace(/-/g, "_");
  await page.goto("/sms-channels/new");
  await page.getByLabel("Name", { exact: true }).fill(name);
  await page.getByLabel("Reconnection timeout (seconds)").fill("60");
  await page.getByLabel("Submit maximum rate (messages per second)").fill("20");
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  const channelUrl = page.url();

  const files: Record<string, string> = {};
  for (const format of ["CFG", "CSV"]) {
    const downloading = page.waitForEvent("download");
    await page.getByRole("button", { name: `Export ${format}` }).click();
    files[format] = await readFile(await (await downloading).path(), "utf8");
  }
  expect(files.CFG).toContain(`[channel-${name}]\n`);
  expect(files.CFG).toContain("reconnection-timeout = 60");

  await page.goto("/sms-channels");
  await page.getByRole("link", { name: "Import driver configuration" }).click();
  const card = page.getByRole("region", { name: "Import driver configuration" });
  await expect(card).toBeVisible();
  const importButton = card.getByRole("button", { name: "Import channels" });
  const plan = card.getByRole("region", { name: "Dry run: what the import would do" });
  // A changed file is not the one checked: Import waits for its dry run, and is offered once it is in.
  const check = async (format: "cfg" | "csv", content: string) => {
    await card.getByLabel("Format").selectOption(format);
    await card.getByRole("textbox", { name: "Configuration" }).fill(content);
    await expect(importButton).toBeDisabled();
    await card.getByRole("button", { name: "Check (dry run)" }).click();
    await expect(importButton).toBeEnabled();
  };
  for (const [format, content] of [
    ["cfg", files.CFG],
    ["csv", files.CSV],
  ] as const) {
    await check(format, content ?? "");
    await expect(card.getByText('Dry run with policy "skip": 0 to create, 0 to update, 1 unchanged.')).toBeVisible();
    await card.getByRole("checkbox", { name: "Show the 1 unchanged record" }).check();
    await expect(plan.getByRole("row", { name: new RegExp(name) })).toContainText("Unchanged");
  }

  await card.getByRole("radio", { name: /Overwrite/ }).check();
  const changed = (files.CFG ?? "").replace("reconnection-timeout = 60", "reconnection-timeout = 90");
  await check("cfg", changed);
  const row = plan.getByRole("row", { name: new RegExp(name) });
  await expect(row).toContainText("Update");
  await expect(row).toContainText(/60 → 90/);
  await expectNoSeriousA11yViolations(page);
  await page.screenshot({ path: "/tmp/engineer-i-driver-import-dry-run.png", fullPage: true });
  await card.getByRole("button", { name: "Import channels" }).click();
  await expect(card.getByText(/Imported with policy "overwrite": 0 created, 1 updated/)).toBeVisible();
  await page.screenshot({ path: "/tmp/engineer-i-driver-import-applied.png", fullPage: true });

  await page.goto(channelUrl);
  await expect(page.getByLabel("Reconnection timeout (seconds)")).toHaveValue("90");
});
