import { describe, expect, it } from "vitest";
import { isConnectionLost, markConnectionLost } from "./connection-lost";

describe("isConnectionLost", () => {
  it("recognises marked errors, connection SQLSTATEs, adapter kinds and Prisma codes, also as a cause", () => {
    expect(isConnectionLost(markConnectionLost(new Error("not queryable")))).toBe(true);
    expect(isConnectionLost({ code: "57P01" })).toBe(true);
    expect(isConnectionLost({ code: "08006" })).toBe(true);
    expect(isConnectionLost({ code: "P1017" })).toBe(true);
    expect(isConnectionLost({ name: "DriverAdapterError", cause: { kind: "postgres", originalCode: "57P01" } })).toBe(
      true,
    );
    expect(isConnectionLost(new Error("x", { cause: { kind: "ConnectionClosed" } }))).toBe(true);
  });

  it("leaves other failures alone", () => {
    expect(isConnectionLost(new Error("Client has encountered a connection error and is not queryable"))).toBe(false);
    expect(isConnectionLost({ code: "23505" })).toBe(false);
    expect(isConnectionLost({ code: "P2002" })).toBe(false);
    expect(isConnectionLost({ cause: { kind: "UniqueConstraintViolation" } })).toBe(false);
    expect(isConnectionLost(null)).toBe(false);
  });
});
