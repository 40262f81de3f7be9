// A stored secret's plaintext reaches no page HTML, no React Server Component payload, no action or
// endpoint response, no audit row and no server log line.
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { formatBasicAuth } from "../lib/messaging/basic-auth";
import { unique } from "./helpers";

test("secrets never leave the server", async ({ page, request }) => {
  const marker = `sekret${randomUUID().replaceAll("-", "")}`;
  const secrets = { page: `${marker}page`, replaced: `${marker}replaced`, caller: `${marker} caller` };
  // Every server action's answer, read in full before the page gets it (a listener may be too late: an
  // answer that navigates has no body left to read); counted below, so the guard cannot pass on answers
  // it never read.
  const actionResponses: string[] = [];
  await page.route("**/*", async (route) => {
    const request = route.request();
    if (request.method() !== "POST" || !request.headers()["next-action"]) return route.fallback();
    const response = await route.fetch({ maxRedirects: 0 });
    actionResponses.push(await response.text());
    await route.fulfill({ response });
  });

  const name = unique("twilio-secret");
  await page.goto("/messaging-services/new?type=twilio");
  await page.getByLabel("Name", { exact: true }).fill(name);
  await page.getByLabel("Service Connection").fill("https://api.twilio.com/2010-04-01/Accounts/AC7/Messages.json");
  await page.getByRole("button", { name: /^Add/ }).click();
  await page.locator('[id="credentials.0.authId"]').fill("AC7");
  await page.locator('[id="credentials.0.secret"]').fill(secrets.page);
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  const serviceUrl = page.url();

  await page.getByRole("button", { name: /^Replace/ }).click();
  await page.locator('[id="credentials.0.secret"]').fill(secrets.replaced);
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByText("Changes saved.")).toBeVisible();

  // An external user's password, presented at the inbound endpoint.
  const logonName = unique("secret-caller");
  await page.goto(`/messaging-services/incoming-user?service=${serviceUrl.split("/").at(-1)}`);
  await page.getByLabel("First name").fill("Secret");
  await page.getByLabel("Last name").fill("Caller");
  await page.getByLabel("Logon name").fill(logonName);
  await page.getByLabel("Password", { exact: true }).fill(secrets.caller);
  await page.getByLabel("Repeat the password").fill(secrets.caller);
  await page.getByRole("button", { name: "Create external user" }).click();
  await expect(page).toHaveURL(serviceUrl);
  await expect(page.getByRole("link", { name: logonName })).toBeVisible();
  const inbound = await request.post(`/api/inbound/${serviceUrl.split("/").at(-1)}`, {
    headers: { authorization: formatBasicAuth({ logonName, password: secrets.caller }) },
    data: "{}",
  });
  expect(inbound.status()).toBe(202);

  // Exactly the three saves above: create, replace the secret, create the external user.
  const answers = actionResponses;
  expect(answers).toHaveLength(3);
  for (const answer of answers) expect(answer.length).toBeGreaterThan(0);

  const pages = [serviceUrl, "/messaging-services", "/audit", `/audit?actor=${logonName}`, "/users"];
  const seen: string[] = [...answers, await inbound.text()];
  for (const path of pages) {
    seen.push(await (await page.request.get(path)).text());
    // What the client router fetches on navigation: the RSC payload.
    seen.push(
      await (
        await page.request.get(path, { headers: { RSC: "1", "Next-Router-State-Tree": "%5B%22%22%2C%7B%7D%5D" } })
      ).text(),
    );
  }
  await page.goto(serviceUrl);
  seen.push(await page.content());
  expect(seen).toHaveLength(answers.length + 1 + pages.length * 2 + 1);
  for (const text of seen) expect(text).not.toContain(marker);

  // The audit trail recorded the changes, as set and replaced.
  await page.goto(`/audit?objectType=messaging_service`);
  await expect(page.getByRole("row", { name: new RegExp(`${name}.*secret replaced`) })).toBeVisible();

  const log = readFileSync("data/e2e/server.log", "utf8");
  expect(log).toContain("Switchboard:");
  expect(log).not.toContain(marker);
});
