import AxeBuilder from "@axe-core/playwright";
import { type APIRequestContext, type Browser, expect, type Page } from "@playwright/test";

/** The console's area pages that need a right to open: lists, Add New pages and the guided flows. */
export const AREA_PAGES = [
  "/messaging-services",
  "/messaging-services/new",
  "/messaging-services/new?type=twilio",
  "/messaging-services/incoming-user",
  "/users",
  "/users/new",
  "/roles",
  "/roles/new",
  "/communities",
  "/communities/new",
  "/sms-channels",
  "/sms-channels/new",
  "/audit",
  "/settings",
  "/import-export",
];

export const unique = (prefix: string) => `${prefix}-${Date.now().toString(36)}${Math.floor(Math.random() * 1000)}`;

/** Signs in through next-auth's endpoints, as a script would; the cookie lands in the page's context. */
export async function signInViaApi(request: APIRequestContext, logonName: string, password: string) {
  const { csrfToken } = await (await request.get("/api/auth/csrf")).json();
  const response = await request.post("/api/auth/callback/credentials", {
    form: { csrfToken, logonName, password, json: "true" },
  });
  expect(response.ok()).toBeTruthy();
}

export async function signInViaForm(page: Page, logonName: string, password: string) {
  await page.goto("/login");
  await page.getByLabel("Logon name").fill(logonName);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

/** The forced change at first sign-in, through the form. */
export async function changeOwnPassword(page: Page, current: string, next: string) {
  await expect(page).toHaveURL(/\/change-password$/);
  await page.getByLabel(/one-time password|current password/i).fill(current);
  await page.getByLabel("New password", { exact: true }).fill(next);
  await page.getByLabel("Repeat the new password").fill(next);
  await page.getByRole("button", { name: "Change password" }).click();
}

export async function expectNoSeriousA11yViolations(page: Page) {
  // A toast fading in is half transparent: axe would measure its contrast mid-way. Let transitions end first.
  await page.evaluate(() =>
    Promise.all(
      document
        .getAnimations()
        .filter((animation) => animation.effect?.getTiming().iterations !== Number.POSITIVE_INFINITY)
        // A cancelled animation (its element removed) rejects: it is over all the same.
        .map((animation) => animation.finished.catch(() => undefined)),
    ),
  );
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => `${v.id}: ${v.help} at ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}

export interface NewUser {
  logonName: string;
  password: string;
}

/** Creates a user through the console's Add New flow, as an administrator would. */
export async function createUserInUi(
  page: Page,
  opts: { prefix: string; roles?: string[]; kind?: "console" | "external" },
): Promise<NewUser> {
  const logonName = unique(opts.prefix);
  const password = `pw ${logonName} long enough`;
  await page.goto("/users/new");
  if (opts.kind === "external") await page.getByLabel(/External user/).check();
  await page.getByLabel("First name").fill("Test");
  await page.getByLabel("Last name").fill(opts.prefix);
  await page.getByLabel("Logon name").fill(logonName);
  for (const role of opts.roles ?? []) await page.getByRole("checkbox", { name: role, exact: true }).check();
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByLabel("Repeat the password").fill(password);
  await page.getByRole("button", { name: "Create user" }).click();
  await expect(page.getByRole("heading", { level: 1, name: logonName })).toBeVisible();
  return { logonName, password };
}

export interface CapturedAction {
  url: string;
  headers: Record<string, string>;
  body: string;
}

/** Records the server-action POSTs a page makes, to replay them with another user's cookie. */
export function captureActions(page: Page): CapturedAction[] {
  const captured: CapturedAction[] = [];
  page.on("request", (r) => {
    const action = r.headers()["next-action"];
    if (r.method() === "POST" && action)
      captured.push({ url: r.url(), headers: r.headers(), body: r.postData() ?? "" });
  });
  return captured;
}

/** Sends a captured server action again through another context's request API (its cookies). */
export async function replayAction(request: APIRequestContext, action: CapturedAction, body = action.body) {
  const response = await request.post(action.url, {
    headers: {
      "next-action": action.headers["next-action"] ?? "",
      "content-type": action.headers["content-type"] ?? "text/plain;charset=UTF-8",
      accept: "text/x-component",
    },
    data: body,
  });
  return response.text();
}

/**
 * A user whose one role holds only these rights (as the rights editor labels them, e.g. "View Communities"),
 * signed in on a context of their own with the first-sign-in password change done.
 */
export async function signInWithRights(page: Page, browser: Browser, prefix: string, rights: string[]) {
  const roleName = unique(`${prefix} role`);
  await page.goto("/roles/new");
  await page.getByLabel("Name", { exact: true }).fill(roleName);
  for (const right of rights) await page.getByRole("checkbox", { name: right, exact: true }).check();
  await page.getByRole("button", { name: "Create role" }).click();
  await expect(page.getByRole("heading", { level: 1, name: roleName })).toBeVisible();
  const user = await createUserInUi(page, { prefix, roles: [roleName] });
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const signedIn = await context.newPage();
  await signInViaForm(signedIn, user.logonName, user.password);
  await changeOwnPassword(signedIn, user.password, `${user.password} changed`);
  await expect(signedIn).not.toHaveURL(/\/change-password$/);
  return { page: signedIn, context, user };
}
