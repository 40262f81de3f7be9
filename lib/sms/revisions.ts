// How history reads and restores an SMS channel's revisions (registered in lib/revisions/areas.ts).
// A snapshot is flat: name and each option by its driver name, secrets only sealed; a restore puts the
// sealed secrets back as they were, through the channel's own service (rights, TLS rules, version check).
import { diff } from "../audit/diff";
import { db } from "../db";
import type { RevisionArea, Snapshot } from "../revisions/areas";
import { parseForRestore } from "../revisions/parse";
import { PLAIN_OPTIONS, SECRET_OPTIONS } from "./options";
import { ZSmsChannelFields, ZUpdateSmsChannelRequest } from "./schemas";
import { createSmsChannel, updateSmsChannel } from "./service";

const text = (value: unknown) => (typeof value === "string" ? value : "");

function sealedSecrets(snapshot: Snapshot): Record<string, string> {
  return Object.fromEntries(
    SECRET_OPTIONS.flatMap((name) => (text(snapshot[name]) ? [[name, text(snapshot[name])]] : [])),
  );
}

export const smsChannelRevisions: RevisionArea = {
  objectType: "sms_channel",
  present: (snapshot) => ({
    ...Object.fromEntries(
      Object.entries(snapshot).filter(([key]) => !(SECRET_OPTIONS as readonly string[]).includes(key)),
    ),
    ...Object.fromEntries(SECRET_OPTIONS.map((name) => [name, text(snapshot[name]) ? "set" : "not set"])),
  }),
  changes: (from, to) => diff(from, to, SECRET_OPTIONS),
  current: (id) => db().smsChannel.findUnique({ where: { id }, select: { version: true } }),
  restore: async (actor, { objectId, snapshot, expectedVersion, exists, nextVersion }) => {
    const fields = {
      name: snapshot.name,
      options: Object.fromEntries(PLAIN_OPTIONS.map((name) => [name, text(snapshot[name])])),
      // Kept: the schema checks the rules as if they were set; the service puts the sealed ones back.
      secrets: Object.fromEntries(
        SECRET_OPTIONS.map((name) => [name, text(snapshot[name]) ? { action: "keep" } : { action: "clear" }]),
      ),
    };
    const secretsSealed = sealedSecrets(snapshot);
    if (exists) {
      const input = parseForRestore(ZUpdateSmsChannelRequest, { ...fields, id: objectId, version: expectedVersion });
      return updateSmsChannel(actor, input, { secretsSealed });
    }
    // Not the create schema: its "kept means none" does not hold for the sealed secrets coming back.
    const input = parseForRestore(ZSmsChannelFields, fields);
    return createSmsChannel(actor, input, { revived: { id: objectId, version: nextVersion }, secretsSealed });
  },
};
