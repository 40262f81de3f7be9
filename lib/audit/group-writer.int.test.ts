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
