// Key rotation for SMS channels: seal again, under the current key, every secret option, uploaded PKCS#12
// file, restart baseline and revision sealed with an older key. A baseline holding the same sealed value
// as the channel gets the same new one, so a rotation never shows as a change waiting for a restart.
import { recordAudit } from "../audit/record";
import { needsReseal } from "../crypto/seal";
import { db, type Tx } from "../db";
import type { Prisma } from "../generated/prisma/client";
import { RESEAL_ACTOR } from "../messaging/reseal";
import { SECRET_OPTIONS } from "./options";
import { optionRecord } from "./restart";
import { openChannelSecret, openKeystore, sealChannelSecret, sealKeystore } from "./secret";

function resealed(channelId: string, sealed: Record<string, string>, fresh: Map<string, string>) {
  let count = 0;
  const next = { ...sealed };
  for (const name of SECRET_OPTIONS) {
    const value = sealed[name];
    if (!value || !needsReseal(value)) continue;
    const moved = fresh.get(value) ?? sealChannelSecret(channelId, name, openChannelSecret(channelId, name, value));
    fresh.set(value, moved);
    next[name] = moved;
    count += 1;
  }
  return { next, count };
}

async function resealRevisions(tx: Tx): Promise<number> {
  const revisions = await tx.revision.findMany({
    where: { objectType: "sms_channel" },
    select: { id: true, objectId: true, snapshot: true },
  });
  let count = 0;
  for (const revision of revisions) {
    const snapshot = (revision.snapshot ?? {}) as Record<string, unknown>;
    const { next, count: moved } = resealed(revision.objectId, optionRecord(snapshot), new Map());
    if (moved === 0) continue;
    count += moved;
    await tx.revision.update({
      where: { id: revision.id },
      data: { snapshot: { ...snapshot, ...next } as Prisma.InputJsonObject },
    });
  }
  return count;
}

export async function resealSmsChannelSecrets(): Promise<{ checked: number; resealed: number }> {
  return db().$transaction(async (tx) => {
    const channels = await tx.smsChannel.findMany({ omit: { secretsSealed: false, keystoreSealed: false } });
    let count = 0;
    for (const channel of channels) {
      const fresh = new Map<string, string>();
      const secrets = resealed(channel.id, optionRecord(channel.secretsSealed), fresh);
      const baseline =
        channel.restartBaseline === null ? null : resealed(channel.id, optionRecord(channel.restartBaseline), fresh);
      const keystore =
        channel.keystoreSealed && needsReseal(channel.keystoreSealed)
          ? sealKeystore(channel.id, openKeystore(channel.id, channel.keystoreSealed))
          : channel.keystoreSealed;
      const moved = secrets.count + (baseline?.count ?? 0) + (keystore !== channel.keystoreSealed ? 1 : 0);
      if (moved === 0) continue;
      // Only if nobody changed the channel meanwhile.
      const { count: updated } = await tx.smsChannel.updateMany({
        where: { id: channel.id, version: channel.version },
        data: {
          secretsSealed: secrets.next,
          ...(baseline ? { restartBaseline: baseline.next } : {}),
          keystoreSealed: keystore,
        },
      });
      if (updated === 1) count += moved;
    }
    const inRevisions = await resealRevisions(tx);
    await recordAudit(tx, RESEAL_ACTOR, {
      action: "reseal",
      objectType: "sms_channel",
      detail:
        `${count} sealed SMS channel values sealed again under the current key` +
        (inRevisions > 0 ? `, and ${inRevisions} held by revisions` : ""),
    });
    return { checked: channels.length, resealed: count + inRevisions };
  });
}
