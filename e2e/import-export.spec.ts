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
  for (const area of ["Messaging services", "Users", "Settings"]) {
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

  await page.getByRole("textbox", { name: "Document" }).fill(JSON.stringify(exported, null, 2));
  await page.getByRole("radio", { name: /Overwrite/ }).check();
  await expect(page.getByRole("button", { name: "Import", exact: true })).toBeDisabled();
  await page.getByRole("button", { name: "Check (dry run)" }).click();
  const plan = page.getByRole("region", { name: "Dry run: what the import would do" });
  const row = plan.getByRole("row", { name: new RegExp(roleName) });
  await expect(row).toContainText("Update");
  await expect(row).toContainText("Description: Before export → Changed by import");
  await expect(
    page.getByText(/Dry run with policy "overwrite": 0 to create, 1 to update, \d+ unchanged/),
  ).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await page.screenshot({ path: "/tmp/engineer-c-import-dry-run.png", fullPage: true });

  await page.getByRole("button", { name: "Import", exact: true }).click();
  await expect(page.getByText(/Imported with policy "overwrite": 0 created, 1 updated/)).toBeVisible();
  await page.screenshot({ path: "/tmp/engineer-c-import-applied.png", fullPage: true });

  await page.goto(`/roles?q=${encodeURIComponent(roleName)}`);
  await expect(page.getByRole("row", { name: new RegExp(roleName) })).toContainText("Changed by import");
});
