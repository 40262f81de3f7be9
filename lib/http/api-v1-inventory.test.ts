// Every console operation has its /api/v1 door, or a reason it has none. The table below is the inventory:
// each exported server action maps to the route (method and file) that does the same through the same
// service, so a new action without an API route, or a route that lost its method, fails here.
//
// Console-only by nature, because they act on the signed-in person's own session or sign-in secrets and
// a bearer token must not stand in for them: signing in, changing one's own password (it needs the
// current one and renews the session), enrolling, turning off and re-issuing the codes of one's own
// second factor (they need a code from the person's own authenticator app or their password).
import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

type Door = { method: "GET" | "POST" | "PUT" | "DELETE"; route: string } | { consoleOnly: string };

const OWN_SESSION = "acts on the signed-in person's own session or sign-in secrets";

const INVENTORY: Record<string, Door> = {
  createMessagingServiceAction: { method: "POST", route: "messaging-services/route.ts" },
  updateMessagingServiceAction: { method: "PUT", route: "messaging-services/[id]/route.ts" },
  deleteMessagingServiceAction: { method: "DELETE", route: "messaging-services/[id]/route.ts" },
  createIncomingUserAction: { method: "POST", route: "messaging-services/[id]/incoming-user/route.ts" },
  testConnectionAction: { method: "POST", route: "messaging-services/[id]/connection-test/route.ts" },
  createUserAction: { method: "POST", route: "users/route.ts" },
  updateUserAction: { method: "PUT", route: "users/[id]/route.ts" },
  deleteUserAction: { method: "DELETE", route: "users/[id]/route.ts" },
  resetPasswordAction: { method: "PUT", route: "users/[id]/password/route.ts" },
  setUserRightsAction: { method: "PUT", route: "users/[id]/rights/route.ts" },
  resetSecondFactorAction: { method: "DELETE", route: "users/[id]/second-factor/route.ts" },
  createRoleAction: { method: "POST", route: "roles/route.ts" },
  updateRoleAction: { method: "PUT", route: "roles/[id]/route.ts" },
  deleteRoleAction: { method: "DELETE", route: "roles/[id]/route.ts" },
  updateSettingAction: { method: "PUT", route: "settings/[key]/route.ts" },
  restoreRevisionAction: { method: "POST", route: "history/[type]/[id]/restore/route.ts" },
  createApiTokenAction: { method: "POST", route: "api-tokens/route.ts" },
  revokeApiTokenAction: { method: "DELETE", route: "api-tokens/[id]/route.ts" },
  exportAction: { method: "GET", route: "export/route.ts" },
  importAction: { method: "POST", route: "import/route.ts" },
  createCommunityAction: { method: "POST", route: "communities/route.ts" },
  updateCommunityAction: { method: "PUT", route: "communities/[id]/route.ts" },
  deleteCommunityAction: { method: "DELETE", route: "communities/[id]/route.ts" },
  addJwtKeyAction: { method: "POST", route: "communities/[id]/jwt-keys/route.ts" },
  removeJwtKeyAction: { method: "DELETE", route: "communities/[id]/jwt-keys/[keyId]/route.ts" },
  testJwtAction: { method: "POST", route: "communities/[id]/jwt-test/route.ts" },
  updateExtraValuesAction: { method: "PUT", route: "communities/[id]/extra-values/route.ts" },
  previewMappingAction: { method: "POST", route: "communities/[id]/mapping-preview/route.ts" },
  testRegexAction: { method: "POST", route: "communities/regex-test/route.ts" },
  createSmsChannelAction: { method: "POST", route: "sms-channels/route.ts" },
  updateSmsChannelAction: { method: "PUT", route: "sms-channels/[id]/route.ts" },
  deleteSmsChannelAction: { method: "DELETE", route: "sms-channels/[id]/route.ts" },
  markSmsDriverRestartedAction: { method: "POST", route: "sms-channels/[id]/restarted/route.ts" },
  uploadSmsKeystoreAction: { method: "POST", route: "sms-channels/[id]/keystore/route.ts" },
  exportSmsChannelsAction: { method: "GET", route: "sms-channels/export/route.ts" },
  changeOwnPasswordAction: { consoleOnly: OWN_SESSION },
  startEnrolmentAction: { consoleOnly: OWN_SESSION },
  confirmEnrolmentAction: { consoleOnly: OWN_SESSION },
  disableSecondFactorAction: { consoleOnly: OWN_SESSION },
  regenerateRecoveryCodesAction: { consoleOnly: OWN_SESSION },
};

/** The reads the console's pages make, each with its API door too. */
const READS: { method: "GET"; route: string }[] = [
  { method: "GET", route: "messaging-services/route.ts" },
  { method: "GET", route: "messaging-services/[id]/route.ts" },
  { method: "GET", route: "users/route.ts" },
  { method: "GET", route: "users/[id]/route.ts" },
  { method: "GET", route: "users/[id]/rights/route.ts" },
  { method: "GET", route: "roles/route.ts" },
  { method: "GET", route: "roles/[id]/route.ts" },
  { method: "GET", route: "settings/route.ts" },
  { method: "GET", route: "settings/[key]/route.ts" },
  { method: "GET", route: "audit/route.ts" },
  { method: "GET", route: "history/[type]/[id]/route.ts" },
  { method: "GET", route: "history/[type]/[id]/diff/route.ts" },
  { method: "GET", route: "api-tokens/route.ts" },
  { method: "GET", route: "api-tokens/[id]/route.ts" },
  { method: "GET", route: "communities/route.ts" },
  { method: "GET", route: "communities/[id]/route.ts" },
  { method: "GET", route: "sms-channels/route.ts" },
  { method: "GET", route: "sms-channels/[id]/route.ts" },
  { method: "GET", route: "sms-channels/[id]/keystore/route.ts" },
];

function exportedActions(): string[] {
  const files = readdirSync("app", { recursive: true, encoding: "utf8" })
    .filter((path) => /(^|[/-])actions\.ts$/.test(path))
    .map((path) => `app/${path}`);
  return files.flatMap((file) =>
    [...readFileSync(file, "utf8").matchAll(/export (?:const|async function) (\w+Action)\b/g)].map((m) => m[1] ?? ""),
  );
}

const exportsMethod = (route: string, method: string) =>
  new RegExp(`export const ${method}\\b`).test(readFileSync(`app/api/v1/${route}`, "utf8"));

describe("the /api/v1 inventory", () => {
  it("names every server action of the console, and nothing else", () => {
    expect(exportedActions().sort()).toEqual(Object.keys(INVENTORY).sort());
  });

  it.each(
    Object.entries(INVENTORY).flatMap(([action, door]) => ("route" in door ? [[action, door.method, door.route]] : [])),
  )("%s has %s app/api/v1/%s", (_action, method, route) => {
    expect(exportsMethod(route, method)).toBe(true);
  });

  it.each(READS.map((read) => [read.method, read.route]))("the console's reads: %s app/api/v1/%s", (method, route) => {
    expect(exportsMethod(route, method)).toBe(true);
  });
});
