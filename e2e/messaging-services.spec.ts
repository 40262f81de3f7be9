// Messaging services as the seed describes them: every type configured end to end in the browser,
// secrets write-only, incoming authentication set up and proven against the inbound endpoint.
import { randomUUID } from "node:crypto";
import { expect, type Page, test } from "@playwright/test";
import { formatBasicAuth } from "../lib/messaging/basic-auth";
import { signSinchPayload } from "../lib/messaging/sinch-signature";
import {
  captureActions,
  changeOwnPassword,
  createUserInUi,
  expectNoSeriousA11yViolations,
  replayAction,
  signInViaForm,
  unique,
} from "./helpers";

interface Entry {
  /** The button that adds the entry ("Add …"). */
  add: RegExp;
  authId?: string;
  secret: string;
}

/** One service of each type, with credentials in the format its vendor uses. */
const SERVICES: { type: string; url: string; entries: Entry[] }[] = [
  {
    type: "facebook",
    url: "https://graph.facebook.com/v19.0/me/messages",
    entries: [
      { add: /^Add Page/, authId: "102938475610293", secret: "page-token-one" },
      { add: /^Add Page/, authId: "564738291056473", secret: "page-token-two" },
    ],
  },
  {
    type: "sap365",
    url: "https://sap365.example.com/api/messages",
    entries: [{ add: /^Add/, authId: "sapuser", secret: "sap-password" }],
  },
  {
    type: "twilio",
    url: "https://api.twilio.com/2010-04-01/Accounts/AC123/Messages.json",
    entries: [{ add: /^Add/, authId: "AC123", secret: "twilio-token" }],
  },
  {
    type: "social365",
    url: "https://social365.example.com/hub",
    entries: [
      { add: /^Add/, authId: "agent@account1", secret: "hub-one" },
      { add: /^Add/, authId: "agent@account2", secret: "hub-two" },
    ],
  },
  {
    type: "c4semail",
    url: "https://c4s.example.com/mail",
    entries: [{ add: /^Add/, authId: "mailer", secret: "c4s-password" }],
  },
  {
    type: "sinchconversation",
    url: "https://eu.conversation.api.sinch.com/v1/projects/p123/messages:send",
    entries: [
      { add: /^Add outgoing entry/, authId: "key-1@app1", secret: "access-key-secret" },
      { add: /^Add webhook entry/, secret: "webhook-secret" },
    ],
  },
  {
    type: "sinchsms",
    url: "https://sms.api.sinch.com/xms/v1/plan/batches",
    entries: [{ add: /^Add/, authId: "plan1", secret: "sms-token" }],
  },
  {
    type: "wavy",
    url: "https://api-messaging.wavy.global/v1/send-sms",
    entries: [{ add: /^Add/, authId: "wavyuser", secret: "wavy-token" }],
  },
];

async function createService(page: Page, type: string, name: string, url: string, entries: Entry[]) {
  await page.goto("/messaging-services/new");
  await page.getByLabel(new RegExp(`^${type} —`)).check();
  await page.getByRole("button", { name: "OK" }).click();
  await expect(page).toHaveURL(new RegExp(`type=${type}$`));
  await page.getByLabel("Name", { exact: true }).fill(name);
  await page.getByLabel("Service Connection").fill(url);
  for (const [index, entry] of entries.entries()) {
    await page.getByRole("button", { name: entry.add }).click();
    if (entry.authId) await page.locator(`[id="credentials.${index}.authId"]`).fill(entry.authId);
    await page.locator(`[id="credentials.${index}.secret"]`).fill(entry.secret);
  }
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  return page.url().split("/").at(-1) as string;
}

test("an administrator configures one service of every type", async ({ page }) => {
  for (const service of SERVICES) {
    const name = unique(service.type);
    await createService(page, service.type, name, service.url, service.entries);
    await expect(page.getByText("Set", { exact: true })).toHaveCount(service.entries.length);
    await expect(page.getByLabel("Authentication URL")).toHaveValue("Not applicable");
  }
  await expectNoSeriousA11yViolations(page);
  await page.goto("/messaging-services?type=social365");
  await expect(page.getByRole("row", { name: /social365/ }).first()).toContainText("2");
  await expectNoSeriousA11yViolations(page);
});

test("type rules are checked on every field, and nothing is saved until they hold", async ({ page }) => {
  await page.goto("/messaging-services/new?type=social365");
  await page.getByLabel("Name", { exact: true }).fill(unique("social"));
  await page.getByLabel("Service Connection").fill("http://insecure.example.com");
  await page.getByRole("button", { name: /^Add/ }).click();
  await page.locator('[id="credentials.0.authId"]').fill("no-account-part");
  await page.locator('[id="credentials.0.secret"]').fill("pw");
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByText("The service connection must use https://.")).toBeVisible();
  await expect(page.getByText(/username@accountID/i).last()).toBeVisible();
  await expect(page).toHaveURL(/type=social365$/);
  await expect(
    page.getByText("Chosen in the previous step; it cannot change once the service is saved."),
  ).toBeVisible();

  // twilio takes exactly one set of credentials.
  await page.goto("/messaging-services/new?type=twilio");
  await page.getByRole("button", { name: /^Add/ }).click();
  await expect(page.getByRole("button", { name: /^Add/ })).toHaveCount(0);
});

test("secrets are write-only: kept on re-save, replaced, never cleared, and audited without values", async ({
  page,
}) => {
  const name = unique("twilio");
  const first = `first-${randomUUID()}`;
  const second = `second-${randomUUID()}`;
  await createService(page, "twilio", name, "https://api.twilio.com/2010-04-01/Accounts/AC1/Messages.json", [
    { add: /^Add/, authId: "AC1", secret: first },
  ]);
  await expect(page.getByText("Set", { exact: true })).toBeVisible();

  // Re-saving without touching the secret keeps it.
  await page.getByLabel("Name", { exact: true }).fill(`${name} renamed`);
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByText("Changes saved.").first()).toBeVisible();
  await expect(page.getByText("Set", { exact: true })).toBeVisible();

  await page.getByRole("button", { name: /^Replace/ }).click();
  await page.locator('[id="credentials.0.secret"]').fill(second);
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByText("Changes saved.").first()).toBeVisible();
  await expect(page.getByText("Set", { exact: true })).toBeVisible();

  // Every entry needs its secret: there is no Clear, only Replace or removing the entry.
  await expect(page.getByRole("button", { name: /^Replace/ })).toBeVisible();
  await expect(page.getByRole("button", { name: /^Clear/ })).toHaveCount(0);

  await page.goto(`/audit?objectType=messaging_service&action=modify`);
  await expect(page.getByText("secret replaced").first()).toBeVisible();
  const html = await page.content();
  expect(html).not.toContain(first);
  expect(html).not.toContain(second);
});

test("an operator without the modify right sees a service but cannot save it", async ({ page, browser }) => {
  const name = unique("wavy");
  const saves = captureActions(page);
  await createService(page, "wavy", name, "https://api-messaging.wavy.global/v1/send-sms", [
    { add: /^Add/, authId: "wavy1", secret: "wavy-secret" },
  ]);
  const serviceUrl = page.url();
  await page.getByLabel("Name", { exact: true }).fill(`${name} by admin`);
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByText("Changes saved.").first()).toBeVisible();
  const save = saves.at(-1);
  if (!save) throw new Error("The administrator's save was not captured.");

  // A role that may only view messaging services (and users, to land somewhere).
  const roleName = unique("Service viewer");
  await page.goto("/roles/new");
  await page.getByLabel("Name", { exact: true }).fill(roleName);
  await page.getByRole("checkbox", { name: "View Messaging services" }).check();
  await page.getByRole("button", { name: "Create role" }).click();
  await expect(page.getByRole("heading", { level: 1, name: roleName })).toBeVisible();
  const viewer = await createUserInUi(page, { prefix: "viewer", roles: [roleName] });

  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const op = await context.newPage();
  await signInViaForm(op, viewer.logonName, viewer.password);
  await changeOwnPassword(op, viewer.password, `${viewer.password} own`);
  await expect(op).toHaveURL(/\/messaging-services$/);
  await op.goto(serviceUrl);
  await expect(op.getByText("You may view this service but not change it.")).toBeVisible();
  await expect(op.getByRole("button", { name: "Save changes" })).toHaveCount(0);
  await expect(op.getByRole("button", { name: /^Replace/ })).toHaveCount(0);
  await expect(op.getByRole("button", { name: "Test connection" })).toHaveCount(0);
  await expect(op.getByLabel("Name", { exact: true })).toBeDisabled();

  const replay = await replayAction(op.request, save, save.body.replace(`${name} by admin`, `${name} by viewer`));
  expect(replay).toContain("You do not have the modify right on messaging services.");
  await context.close();
  await page.goto(serviceUrl);
  await expect(page.getByLabel("Name", { exact: true })).toHaveValue(`${name} by admin`);
});

test("incoming authentication: external user flow, Basic credentials and Sinch signatures at the inbound endpoint", async ({
  page,
  request,
}) => {
  const twilioName = unique("twilio-in");
  const twilioId = await createService(
    page,
    "twilio",
    twilioName,
    "https://api.twilio.com/2010-04-01/Accounts/AC9/Messages.json",
    [{ add: /^Add/, authId: "AC9", secret: "outgoing-token" }],
  );
  const incoming = page.getByRole("region", { name: "Incoming authentication" });
  await expect(incoming.getByText("Not ready")).toBeVisible();
  await incoming.getByRole("link", { name: "Create external user for incoming authentication" }).click();
  await expect(page.getByText("do not reuse an existing one")).toBeVisible();
  const logonName = unique("twilio-caller");
  const password = `caller password ${randomUUID()}`;
  await page.getByLabel("First name").fill("Twilio");
  await page.getByLabel("Last name").fill("Caller");
  await page.getByLabel("Logon name").fill(logonName);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByLabel("Repeat the password").fill(password);
  await page.getByRole("button", { name: "Create external user" }).click();
  await expect(page).toHaveURL(new RegExp(`/messaging-services/${twilioId}$`));
  await expect(page.getByText(`External user ${logonName} created with the Use right on ${twilioName}.`)).toBeVisible();
  await expect(incoming.getByText("Ready")).toBeVisible();
  await expect(incoming.getByRole("link", { name: logonName })).toBeVisible();

  // The flow granted Use on this service only: another twilio service is still not ready, and refuses the user.
  const otherId = await createService(
    page,
    "twilio",
    unique("twilio-other"),
    "https://api.twilio.com/2010-04-01/Accounts/AC8/Messages.json",
    [{ add: /^Add/, authId: "AC8", secret: "other-token" }],
  );
  await expect(incoming.getByText("Not ready")).toBeVisible();
  await expect(incoming.getByRole("link", { name: logonName })).toHaveCount(0);

  const body = JSON.stringify({ message: "hello" });
  const post = (headers: Record<string, string>, to = twilioId, data = body) =>
    request.post(`/api/inbound/${to}`, { headers, data });
  expect((await post({ authorization: formatBasicAuth({ logonName, password }) })).status()).toBe(202);
  expect((await post({ authorization: formatBasicAuth({ logonName, password }) }, otherId)).status()).toBe(403);
  const refused = await post({});
  expect(refused.status()).toBe(401);
  expect(refused.headers()["www-authenticate"]).toContain("Basic");
  expect(await refused.text()).not.toContain("user");
  expect((await post({ authorization: formatBasicAuth({ logonName, password: "wrong password" }) })).status()).toBe(
    401,
  );
  // The administrator is a console user: their credentials do not open the inbound endpoint.
  expect(
    (
      await post({
        authorization: formatBasicAuth({ logonName: "admin", password: "switchboard e2e admin passphrase" }),
      })
    ).status(),
  ).toBe(401);

  // The external user cannot sign in to the console.
  await page.context().clearCookies();
  await signInViaForm(page, logonName, password);
  await expect(page.getByText("The logon name or password is not correct.")).toBeVisible();
});

test("a Sinch Conversation service accepts only correctly signed callbacks", async ({ page, request }) => {
  const secret = `webhook-${randomUUID()}`;
  const id = await createService(
    page,
    "sinchconversation",
    unique("sinch"),
    "https://us.conversation.api.sinch.com/v1/projects/p1/messages:send",
    [
      { add: /^Add outgoing entry/, authId: "key-9@app9", secret: "access" },
      { add: /^Add webhook entry/, secret },
    ],
  );
  await expect(page.getByRole("region", { name: "Incoming authentication" }).getByText("Ready")).toBeVisible();
  const rawBody = JSON.stringify({ app_id: "app9", message: { contact_message: { text_message: { text: "hi" } } } });
  const now = Math.floor(Date.now() / 1000);
  const signed = signSinchPayload({ rawBody, secret, nonce: randomUUID(), timestamp: now });
  const send = (headers: Record<string, string>) =>
    request.post(`/api/inbound/${id}`, { headers: { ...headers, "content-type": "application/json" }, data: rawBody });
  expect((await send(signed)).status()).toBe(202);
  expect((await send(signed)).status()).toBe(401);
  expect(
    (await send(signSinchPayload({ rawBody, secret: "not the secret", nonce: randomUUID(), timestamp: now }))).status(),
  ).toBe(401);
  expect((await send(signSinchPayload({ rawBody, secret, nonce: randomUUID(), timestamp: now - 3600 }))).status()).toBe(
    401,
  );
  expect((await send({})).status()).toBe(401);

  // A client cannot choose the address the audit trail records.
  const spoofed = await request.post(`/api/inbound/${id}`, {
    headers: { "x-forwarded-for": "203.0.113.77" },
    data: rawBody,
  });
  expect(spoofed.status()).toBe(401);

  await page.goto(`/audit?action=inbound`);
  await expect(page.getByRole("row", { name: /Inbound delivery.*202 accepted/ }).first()).toBeVisible();
  await expect(page.getByText("203.0.113.77")).toHaveCount(0);
  await expect(page.getByText("hi", { exact: true })).toHaveCount(0);
});

test("with Use Local Http Authentication off, services need no incoming authentication", async ({ page, request }) => {
  const id = await createService(
    page,
    "sinchsms",
    unique("sinchsms-open"),
    "https://sms.api.sinch.com/xms/v1/plan/batches",
    [{ add: /^Add/, authId: "plan9", secret: "sms-token" }],
  );
  expect((await request.post(`/api/inbound/${id}`, { data: "{}" })).status()).toBe(401);
  const sinchId = await createService(
    page,
    "sinchconversation",
    unique("sinch-signed"),
    "https://eu.conversation.api.sinch.com/v1/projects/p7/messages:send",
    [
      { add: /^Add outgoing entry/, authId: "key-7@app7", secret: "access" },
      { add: /^Add webhook entry/, secret: `webhook-${randomUUID()}` },
    ],
  );

  const toggle = async (on: boolean) => {
    await page.goto("/settings");
    const setting = page.getByRole("switch", { name: "Use Local Http Authentication" });
    if ((await setting.getAttribute("aria-checked")) === String(on)) return;
    await setting.click();
    await expect(page.getByText(`Use Local Http Authentication is ${on ? "on" : "off"}.`)).toBeVisible();
    await expect(setting).toHaveAttribute("aria-checked", String(on));
  };
  try {
    await toggle(false);
    await expectNoSeriousA11yViolations(page);
    await page.goto("/messaging-services");
    await expect(page.getByText("Use Local Http Authentication is off (Settings)")).toBeVisible();
    await page.goto(`/messaging-services/${id}`);
    await expect(
      page.getByRole("region", { name: "Incoming authentication" }).getByText("Authentication off"),
    ).toBeVisible();
    expect((await request.post(`/api/inbound/${id}`, { data: "{}" })).status()).toBe(202);
    // A service whose webhook entry holds a secret checks the signature whatever the setting says.
    expect((await request.post(`/api/inbound/${sinchId}`, { data: "{}" })).status()).toBe(401);
    await page.goto(`/messaging-services/${sinchId}`);
    await expect(page.getByRole("region", { name: "Incoming authentication" }).getByText("Ready")).toBeVisible();
  } finally {
    await toggle(true);
  }
  expect((await request.post(`/api/inbound/${id}`, { data: "{}" })).status()).toBe(401);
  await page.goto("/audit?objectType=settings");
  await expect(
    page.getByRole("row", { name: /Use Local Http Authentication: (on|off) → (on|off)/ }).first(),
  ).toBeVisible();
});

test("an outgoing entry typed as webhook gets a message and stays editable, so it can be corrected", async ({
  page,
}) => {
  const name = unique("sinch-typo");
  await page.goto("/messaging-services/new?type=sinchconversation");
  await page.getByLabel("Name", { exact: true }).fill(name);
  await page
    .getByLabel("Service Connection")
    .fill("https://eu.conversation.api.sinch.com/v1/projects/p5/messages:send");
  await page.getByRole("button", { name: /^Add webhook entry/ }).click();
  await page.locator('[id="credentials.0.secret"]').fill("webhook-secret");
  await page.getByRole("button", { name: /^Add outgoing entry/ }).click();
  const outgoing = page.locator('[id="credentials.1.authId"]');
  await outgoing.fill("webhook");
  await page.locator('[id="credentials.1.secret"]').fill("access-secret");
  await page.getByRole("button", { name: "Save", exact: true }).click();

  await expect(page.getByText("This ID is already used by entry 1")).toBeVisible();
  await expect(outgoing).toBeEditable();
  await outgoing.fill("key-5@app5");
  await expect(page.getByText("This ID is already used by entry 1")).toHaveCount(0);
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  await expect(page.locator('[id="credentials.1.authId"]')).toHaveValue("key-5@app5");
});

test("the inbound endpoint answers bad bytes in the service key with 400 or 404, never 500", async ({ request }) => {
  for (const key of ["%00", "a%00b", "%1B"]) {
    expect((await request.post(`/api/inbound/${key}`, { data: "{}" })).status(), key).toBe(404);
  }
  for (const key of ["%C0%AE", "%FF", "%E0%80"]) {
    expect([400, 404], key).toContain((await request.post(`/api/inbound/${key}`, { data: "{}" })).status());
  }
});

test("the connection test's allowed internal hosts are checked line by line in Settings", async ({ page }) => {
  await page.goto("/settings");
  const hosts = page.getByLabel("Allowed internal hosts");
  await expect(hosts).toHaveValue("");
  await hosts.fill("svc.internal.example\nnot a host\n10.0.0.0/33");
  await page.getByRole("region", { name: "Connection test" }).getByRole("button", { name: "Save" }).click();
  await expect(page.getByText("Line 2: “not a host” is not a host name, an IP address or a CIDR range.")).toBeVisible();
  await expect(page.getByText("Line 3: “10.0.0.0/33” is not a valid CIDR range")).toBeVisible();
  await page.reload();
  await expect(page.getByLabel("Allowed internal hosts")).toHaveValue("");
  await expectNoSeriousA11yViolations(page);
});
