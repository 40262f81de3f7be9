// An operator sees only what the Operator role allows: no audit, no user changes. Controls they may
// not use are not shown, and a request replayed with their cookie is refused and audited.
import { expect, test } from "@playwright/test";
import { captureActions, changeOwnPassword, createUserInUi, replayAction, signInViaForm } from "./helpers";

test("an operator cannot see or do what the role forbids", async ({ page, browser }) => {
  const operator = await createUserInUi(page, { prefix: "operator", roles: ["Operator"] });
  const target = await createUserInUi(page, { prefix: "target" });
  const targetUrl = page.url();

  // Capture the administrator's own save of the target user, to replay it later with the operator's cookie.
  const saves = captureActions(page);
  await page.getByLabel("Last name").fill("Saved by admin");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByText("Changes saved.").first()).toBeVisible();
  const save = saves.at(-1);
  expect(save).toBeDefined();

  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const op = await context.newPage();
  await signInViaForm(op, operator.logonName, operator.password);
  const operatorPassword = `${operator.password} changed`;
  await changeOwnPassword(op, operator.password, operatorPassword);
  await expect(op).toHaveURL(/\/messaging-services$/);

  const nav = op.getByRole("navigation", { name: "Areas" });
  await expect(nav.getByRole("link", { name: "Users" })).toBeVisible();
  await expect(nav.getByRole("link", { name: "Roles" })).toBeVisible();
  await expect(nav.getByRole("link", { name: "Audit" })).toHaveCount(0);
  await op.goto("/users");
  await expect(op.getByRole("heading", { level: 1, name: "Users" })).toBeVisible();
  await expect(op.getByRole("link", { name: "Add New" })).toHaveCount(0);

  await op.goto(targetUrl);
  await expect(op.getByRole("heading", { level: 1, name: target.logonName })).toBeVisible();
  await expect(op.getByText("You may view this user but not change it.")).toBeVisible();
  await expect(op.getByRole("button", { name: "Save changes" })).toHaveCount(0);
  await expect(op.getByRole("button", { name: "Delete user" })).toHaveCount(0);
  await expect(op.getByLabel("Last name")).toBeDisabled();

  await op.goto("/audit");
  await expect(op.getByText("You do not have the view right on audit trail.")).toBeVisible();
  await op.goto("/users/new");
  await expect(op.getByText("You do not have the create right on users.")).toBeVisible();

  // The server refuses the administrator's request replayed with the operator's cookie.
  if (!save) throw new Error("The administrator's save was not captured.");
  const replay = await replayAction(op.request, save, save.body.replace("Saved by admin", "Replayed by operator"));
  expect(replay).toContain("You do not have the modify right on users.");

  await page.reload();
  await expect(page.getByLabel("Last name")).toHaveValue("Saved by admin");
  await page.goto(`/audit?actor=${operator.logonName}&outcome=refused`);
  await expect(page.getByRole("row", { name: /Modify\s+User/ }).first()).toBeVisible();
  await context.close();
});
