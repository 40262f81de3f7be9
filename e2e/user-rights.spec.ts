// A user's own rights (the seed's User Rights block): granted on the user's page with the rights
// editor, shown among the effective rights with where each comes from.
import { expect, test } from "@playwright/test";
import { createUserInUi, expectNoSeriousA11yViolations } from "./helpers";

test("grant an external user Use on messaging services directly", async ({ page }) => {
  const user = await createUserInUi(page, { prefix: "ext-rights", kind: "external" });
  const block = page.getByRole("region", { name: "User rights" });
  await expect(block.getByRole("checkbox", { name: "Use Messaging services" })).not.toBeChecked();
  await expect(block.getByRole("rowheader", { name: "SMS channels" })).toBeVisible();
  await expect(block.getByRole("rowheader", { name: "Users" })).toBeVisible();

  await block.getByRole("checkbox", { name: "Use Messaging services" }).check();
  await block.getByRole("button", { name: "Save rights" }).click();
  await expect(page.getByText("Rights saved.")).toBeVisible();

  const rights = page.getByRole("table", { name: "Effective rights" });
  await expect(rights.getByRole("row", { name: "Messaging services Use All User rights" })).toBeVisible();
  await page.reload();
  await expect(
    page.getByRole("region", { name: "User rights" }).getByRole("checkbox", { name: "Use Messaging services" }),
  ).toBeChecked();
  await expect(page.getByRole("heading", { level: 1, name: user.logonName })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
});

test("the role editor offers rights on every area of the console", async ({ page }) => {
  await page.goto("/roles/new");
  for (const area of ["Messaging services", "Communities", "SMS channels", "Users", "Roles"]) {
    await expect(page.getByRole("rowheader", { name: area })).toBeVisible();
  }
  await expect(page.getByRole("checkbox", { name: "View SMS channels" })).toBeVisible();
});
