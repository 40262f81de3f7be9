// An administrator creates a role and a user with it, sees the user's effective rights, and is told
// clearly when input is bad or someone else saved first.
import { expect, test } from "@playwright/test";
import { createUserInUi, expectNoSeriousA11yViolations, unique } from "./helpers";

test("create a role with rights, then a user holding it", async ({ page }) => {
  const roleName = unique("Service desk");
  await page.goto("/roles");
  await page.getByRole("link", { name: "Add New" }).click();
  await expect(page).toHaveURL(/\/roles\/new$/);
  await page.getByLabel("Name", { exact: true }).fill(roleName);
  await page.getByLabel("Description").fill("Looks after users");
  await page.getByRole("checkbox", { name: "View Users" }).check();
  await page.getByRole("checkbox", { name: "Modify Users" }).check();
  await page.getByRole("checkbox", { name: "View Roles" }).check();
  await page.getByRole("button", { name: "Create role" }).click();
  await expect(page.getByRole("heading", { level: 1, name: roleName })).toBeVisible();
  await expect(page.getByText(`Role ${roleName} created.`)).toBeVisible();
  await expect(page.getByRole("checkbox", { name: "Modify Users" })).toBeChecked();
  await expectNoSeriousA11yViolations(page);

  const user = await createUserInUi(page, { prefix: "desk", roles: [roleName] });
  await expect(page.getByText("Must change password", { exact: true })).toBeVisible();
  const rights = page.getByRole("table", { name: "Effective rights" });
  await expect(rights.getByRole("row", { name: new RegExp(`Users Modify All ${roleName}`) })).toBeVisible();
  await expect(rights.getByRole("row")).toHaveCount(4);
  await expectNoSeriousA11yViolations(page);

  // The list finds the user by search and shows the role.
  await page.goto(`/users?q=${user.logonName}`);
  const row = page.getByRole("row", { name: new RegExp(user.logonName) });
  await expect(row).toContainText(roleName);
  await expect(page.getByText("1 user · page 1 of 1")).toBeVisible();
  await expectNoSeriousA11yViolations(page);
});

test("bad input is shown on its field and nothing is written", async ({ page }) => {
  const taken = await createUserInUi(page, { prefix: "taken" });
  await page.goto("/users/new");
  await page.getByLabel("First name").fill("Dup");
  await page.getByLabel("Last name").fill("Licate");
  await page.getByLabel("Logon name").fill(taken.logonName.toUpperCase());
  await page.getByLabel("E-mail").fill("not-an-address");
  await page.getByLabel("Password", { exact: true }).fill("long enough password");
  await page.getByLabel("Repeat the password").fill("long enough password");
  await page.getByRole("button", { name: "Create user" }).click();
  await expect(page.getByText("Enter a valid e-mail address, or leave it empty.")).toBeVisible();

  await page.getByLabel("E-mail").fill("");
  await page.getByRole("button", { name: "Create user" }).click();
  // The server decides uniqueness, whatever the case; the error lands on the field.
  await expect(page.getByText("A user with this logon name exists already.")).toBeVisible();
  await expect(page.getByLabel("Logon name")).toHaveAttribute("aria-invalid", "true");
  await expect(page).toHaveURL(/\/users\/new$/);

  await page.goto(`/users?q=${taken.logonName}`);
  await expect(page.getByText("1 user · page 1 of 1")).toBeVisible();
});

test("a stale save is refused and nothing is overwritten", async ({ page, context }) => {
  const user = await createUserInUi(page, { prefix: "stale" });
  const url = page.url();
  const other = await context.newPage();
  await other.goto(url);

  await page.getByLabel("Last name").fill("First writer");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByText("Changes saved.").first()).toBeVisible();

  await other.getByLabel("Last name").fill("Second writer");
  await other.getByRole("button", { name: "Save changes" }).click();
  await expect(other.getByText(/was changed since you opened it/).first()).toBeVisible();
  // The refusal keeps what the second writer typed: the form is not rebuilt from the newer record.
  await expect(other.getByLabel("Last name")).toHaveValue("Second writer");

  await other.reload();
  await expect(other.getByLabel("Last name")).toHaveValue("First writer");
  await expect(other.getByRole("heading", { level: 1, name: user.logonName })).toBeVisible();
});

test("built-in roles are read-only and the last administrator stays", async ({ page }) => {
  await page.goto("/roles");
  await page.getByRole("link", { name: "Administrator" }).click();
  await expect(page.getByText("Built-in roles cannot be changed or deleted")).toBeVisible();
  await expect(page.getByRole("button", { name: "Save changes" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Delete role" })).toHaveCount(0);

  await page.goto("/users?q=admin");
  await page.getByRole("link", { name: "admin", exact: true }).click();
  await page.getByLabel(/^Enabled/).uncheck();
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByText("Switchboard needs at least one enabled administrator").first()).toBeVisible();
  await page.reload();
  await expect(page.getByLabel(/^Enabled/)).toBeChecked();
});
