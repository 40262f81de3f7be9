import { describe, expect, it } from "vitest";
import { ZAuditFilter } from "./query";

describe("ZAuditFilter", () => {
  it("reads the form's zoneless date-times as UTC and ignores what is not a date", () => {
    const filter = ZAuditFilter.parse({ from: "2026-11-25T10:30", to: "2026-11-25T12:00:00Z", outcome: "nonsense" });
    expect(filter.from?.toISOString()).toBe("2026-11-25T10:30:00.000Z");
    expect(filter.to?.toISOString()).toBe("2026-11-25T12:00:00.000Z");
    expect(filter.outcome).toBeUndefined();
    expect(ZAuditFilter.parse({ from: "not a date" }).from).toBeUndefined();
  });
});
