import { describe, expect, it } from "vitest";
import { db } from "../db";
import { uniqueName } from "../testing/factories";
import { createAuditGroupWriter } from "./group-writer";

describe("the audit group writer", () => {
  it("stores every row handed over at once, each before its caller hears back", async () => {
    const writer = createAuditGroupWriter();
    const marker = uniqueName("group");
    const actor = { id: null, logonName: "anonymous", clientAddress: "192.0.2.1" };

    const stored = await Promise.all(
      Array.from({ length: 25 }, async (_, i) => {
        await writer.record(actor, { action: "inbound", outcome: "refused", detail: `${marker} ${i}` });
        // This caller's own row is in the database once its promise settles.
        return db().auditEvent.count({ where: { detail: `${marker} ${i}` } });
      }),
    );

    expect(stored).toEqual(Array(25).fill(1));
    const rows = await db().auditEvent.findMany({
      where: { detail: { startsWith: `${marker} ` } },
      orderBy: [{ at: "asc" }],
    });
    expect(rows).toHaveLength(25);
    expect(rows[0]).toMatchObject({ actorName: "anonymous", clientAddress: "192.0.2.1", outcome: "refused" });
  });

  it("stores every field as the trail reads it: UTC time, changes as JSON, the token's name", async () => {
    const writer = createAuditGroupWriter();
    const marker = uniqueName("fields");
    const before = Date.now();
    const entry = {
      action: "inbound",
      objectType: "messaging_service",
      objectId: "a-service-id",
      objectName: "Twilio ä",
      outcome: "refused",
      changes: { secret: { from: "set", to: "changed" } },
      detail: marker,
    } as const;
    const actor = { id: null, logonName: "integration-7", clientAddress: "2001:db8::7" };
    await writer.record({ ...actor, via: { kind: "token", tokenName: "nightly" } }, entry);
    const row = await db().auditEvent.findFirstOrThrow({ where: { detail: marker } });
    // Each field as handed over; the actor's name and address, and the token's name (never the token).
    expect(row).toMatchObject({
      ...entry,
      actorId: null,
      actorName: actor.logonName,
      clientAddress: actor.clientAddress,
      viaToken: "nightly",
    });
    expect(row.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    // The moment it was handed over, to the millisecond, whatever the server's time zone.
    expect(row.at.getTime()).toBeGreaterThanOrEqual(before);
    expect(row.at.getTime()).toBeLessThanOrEqual(Date.now());

    await writer.record(
      { id: null, logonName: "anonymous", clientAddress: null },
      { action: "inbound", detail: `${marker} bare` },
    );
    const bare = await db().auditEvent.findFirstOrThrow({ where: { detail: `${marker} bare` } });
    expect(bare).toMatchObject({ outcome: "success", changes: null, viaToken: null, objectType: null });
  });

  it("rejects the callers whose rows could not be stored, and goes on with later ones", async () => {
    const writer = createAuditGroupWriter();
    const actor = { id: null, logonName: "anonymous", clientAddress: null };
    const marker = uniqueName("after");

    // Text holding NUL cannot be stored in PostgreSQL.
    await expect(writer.record(actor, { action: "inbound", detail: "bad \u0000 row" })).rejects.toThrow();
    await writer.record(actor, { action: "inbound", detail: marker });
    expect(await db().auditEvent.count({ where: { detail: marker } })).toBe(1);
  });
});
