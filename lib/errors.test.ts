import { describe, expect, it } from "vitest";
import { AppError, invalid, isRecordNotFound, isUniqueViolation, notFound, stale } from "./errors";

describe("AppError helpers", () => {
  it("carry a code, a message for users and field errors", () => {
    const error = invalid({ name: ["Enter a name."] });
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: "invalid", fieldErrors: { name: ["Enter a name."] } });
    expect(stale("role").message).toMatch(/changed since you opened it/);
    expect(notFound("This user")).toMatchObject({ code: "not_found", fieldErrors: {} });
  });
});

describe("database error recognition", () => {
  it("recognises a unique violation from Prisma or passed through by an adapter", () => {
    expect(isUniqueViolation({ code: "P2002" })).toBe(true);
    expect(isUniqueViolation({ cause: { code: "23505" } })).toBe(true);
    expect(isUniqueViolation({ cause: { originalCode: "23505" } })).toBe(true);
    expect(isUniqueViolation({ code: "P2025" })).toBe(false);
    expect(isUniqueViolation(new Error("duplicate key value violates unique constraint"))).toBe(false);
    expect(isUniqueViolation(null)).toBe(false);
  });

  it("recognises a record that did not match", () => {
    expect(isRecordNotFound({ code: "P2025" })).toBe(true);
    expect(isRecordNotFound({ code: "P2002" })).toBe(false);
    expect(isRecordNotFound(undefined)).toBe(false);
  });
});
