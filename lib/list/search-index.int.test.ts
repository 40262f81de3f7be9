// The services list's name search (ILIKE '%text%') has a trigram index to use, on PGlite (which must
// load pg_trgm: lib/db/pglite-worker.mjs) and on PostgreSQL. On a test database a sequential scan is cheaper,
// so the plan is asked with scans that need no index priced out: only the trigram index is left.
import { describe, expect, it } from "vitest";
import { rootDb } from "../db";
import { createMessagingService, listMessagingServices } from "../messaging/service";
import { bootstrapAdministrator, uniqueName } from "../testing/factories";
import { createServiceRequest } from "../testing/messaging-requests";
import { ZListParams } from "./params";

describe("the name search's trigram index", () => {
  it("serves ILIKE '%text%' on the services' names, and the search finds what it did", async () => {
    const plan = await rootDb().$transaction(async (tx) => {
      await tx.$executeRawUnsafe("SET LOCAL enable_seqscan = off");
      await tx.$executeRawUnsafe("SET LOCAL enable_indexscan = off");
      return tx.$queryRawUnsafe<Record<string, string>[]>(
        `EXPLAIN SELECT "id" FROM "MessagingService" WHERE "name" ILIKE $1`,
        "%vc-00%",
      );
    });
    const text = plan.map((row) => Object.values(row).join("")).join("\n");
    expect(text).toContain("MessagingService_name_trgm_idx");

    const admin = await bootstrapAdministrator();
    const name = uniqueName("Trigram Search");
    const service = await createMessagingService(admin, createServiceRequest("twilio", { name }));
    const found = await listMessagingServices(admin, { ...ZListParams.parse({}), q: name.slice(3, -2).toUpperCase() });
    expect(found.rows.map((r) => r.id)).toEqual([service.id]);
    // Two letters make no trigram: the search still finds by them (the index is then not used).
    const short = await listMessagingServices(admin, { ...ZListParams.parse({}), q: name.slice(-2) });
    expect(short.rows.map((r) => r.id)).toContain(service.id);
  });
});
