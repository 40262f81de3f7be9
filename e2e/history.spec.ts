// An administrator changes a role twice, compares its versions on the history page and restores the
// first one: the role holds its first values again, and the restore is a new version of its own.
import { expect, test } from "@playwright/test";
import { expectNoSeriousA11yViolations, unique } from "./helpers";

test("change a role twice, compare its versions and restore the first", async ({ page }) => {
  const roleName = unique("History desk");
  await page.goto("/roles/new");
  await page.getByLabel("Name", { exact: true }).fill(roleName);
  await page.getByLabel("Description").fill("First shift");
  await page.getByRole("checkbox", { name: "View Users" }).check();
  await page.getByRole("button", { name: "Create role" }).click();
  await expect(page.getByRole("heading", { level: 1, name: roleName })).toBeVisible();

  for (const [description, right] of [
    ["Second shift", "View Roles"],
    ["Third shift", "View Audit trail"],
  ] as const) {
    await page.getByLabel("Description").fill(description);
    await page.getByRole("checkbox", { name: right }).check();
    await page.getByRole("button", { name: "Save changes" }).click();
    // The header shows the saved description once the page holds the new version.
    await expect(page.getByText(description, { exact: true })).toBeVisible();
  }

  await page.getByRole("link", { name: "History" }).click();
  await expect(page.getByRole("heading", { level: 1, name: `History of ${roleName}` })).toBeVisible();
  const versions = page.getByRole("table", { name: "Versions" });
  await expect(versions.getByRole("row")).toHaveCount(4);

  // Version 1 against the newest, in the console's words.
  // Newest first: version 3 is the first option, version 1 the last.
  await page.getByLabel("From version").selectOption({ index: 2 });
  await page.getByLabel("To version").selectOption({ index: 0 });
  await page.getByRole("button", { name: "Compare" }).click();
  const differences = page.getByRole("region", { name: "Differences" });
  await expect(differences).toContainText("Version 1 (create) → version 3 (modify)");
  await expect(differences).toContainText("Description: First shift → Third shift");
  await expect(differences).toContainText("View on all roles");
  await expect(differences).toContainText("View on audit trail");
  await expectNoSeriousA11yViolations(page);

  await versions.getByRole("row", { name: /^1 / }).getByRole("button", { name: "Restore this revision" }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Restore" }).click();
  await expect(page.getByText("Version 1 restored as version 4.")).toBeVisible();
  await expect(versions.getByRole("row")).toHaveCount(5);
  await expect(versions.getByRole("row", { name: /^4 Restore/ })).toContainText("current");

  await page.getByRole("link", { name: "Back to role" }).click();
  await expect(page.getByLabel("Description")).toHaveValue("First shift");
  await expect(page.getByRole("checkbox", { name: "View Users" })).toBeChecked();
  await expect(page.getByRole("checkbox", { name: "View Roles" })).not.toBeChecked();
  await expect(page.getByRole("checkbox", { name: "View Audit trail" })).not.toBeChecked();
});

test("a deleted role comes back from its history, reached from the audit trail", async ({ page }) => {
  const roleName = unique("Gone desk");
  await page.goto("/roles/new");
  await page.getByLabel("Name", { exact: true }).fill(roleName);
  await page.getByLabel("Description").fill("Before the delete");
  await page.getByRole("button", { name: "Create role" }).click();
  await expect(page.getByRole("heading", { level: 1, name: roleName })).toBeVisible();
  await page.getByRole("button", { name: "Delete role" }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Delete" }).click();
  await expect(page).toHaveURL(/\/roles$/);

  await page.goto("/audit?objectType=role");
  await page
    .getByRole("link", { name: `History of ${roleName}` })
    .first()
    .click();
  await expect(page.getByRole("heading", { level: 1, name: `History of ${roleName}` })).toBeVisible();
  await expect(page.getByText("Deleted", { exact: true })).toBeVisible();
  const versions = page.getByRole("table", { name: "Versions" });
  await versions
    .getByRole("row", { name: /Create/ })
    .getByRole("button", { name: "Restore this revision" })
    .click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Restore" }).click();
  await expect(page.getByText("Version 1 restored as version 2.")).toBeVisible();
  // The comparison moves on to the newest change, in its choices as in its result.
  await expect(page.getByLabel("To version").locator("option:checked")).toHaveText(/^Version 2 · Restore/);
  await expect(page.getByRole("region", { name: "Differences" })).toContainText("version 2 (restore)");

  await page.getByRole("link", { name: "Back to role" }).click();
  await expect(page.getByRole("heading", { level: 1, name: roleName })).toBeVisible();
  await expect(page.getByLabel("Description")).toHaveValue("Before the delete");
});
