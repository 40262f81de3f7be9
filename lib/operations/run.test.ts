import { afterEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import type { Actor } from "../auth/actor";
import { AppError, stale } from "../errors";
import { runOperation } from "./run";

const actor: Actor = {
  id: "u1",
  logonName: "alice",
  displayName: "Alice",
  rights: [],
  clientAddress: null,
  mustChangePassword: false,
  mustEnrolSecondFactor: false,
};
const ZInput = z.object({ name: z.string().min(1, "Enter a name.") });

afterEach(() => {
  vi.restoreAllMocks();
});

describe("the operation core", () => {
  it("runs the service with the parsed input and returns its data", async () => {
    const service = vi.fn(async (_: Actor, input: { name: string }) => input.name.toUpperCase());
    expect(await runOperation(actor, ZInput, { name: "x", extra: 1 }, service)).toEqual({ ok: true, data: "X" });
    expect(service).toHaveBeenCalledWith(actor, { name: "x" });
  });

  it("refuses without an actor before parsing or running anything", async () => {
    const service = vi.fn(async () => 1);
    const outcome = await runOperation(null, ZInput, { name: "" }, service);
    expect(outcome).toMatchObject({ ok: false, code: "unauthenticated" });
    expect(service).not.toHaveBeenCalled();
  });

  it("lets an actor who must change their password run only operations marked for it", async () => {
    const service = vi.fn(async () => 1);
    const forced = { ...actor, mustChangePassword: true };
    expect(await runOperation(forced, ZInput, { name: "x" }, service)).toMatchObject({ ok: false, code: "forbidden" });
    expect(service).not.toHaveBeenCalled();
    expect(await runOperation(forced, ZInput, { name: "x" }, service, { beforePasswordChange: true })).toEqual({
      ok: true,
      data: 1,
    });
  });

  it("returns the schema's field errors and does not run the service", async () => {
    const service = vi.fn(async () => 1);
    expect(await runOperation(actor, ZInput, { name: "" }, service)).toEqual({
      ok: false,
      code: "invalid",
      message: "Some fields need attention.",
      fieldErrors: { name: ["Enter a name."] },
    });
    expect(service).not.toHaveBeenCalled();
  });

  it("passes the service's typed errors on with their message and field errors", async () => {
    const outcome = await runOperation(actor, ZInput, { name: "x" }, async () => {
      throw new AppError("invalid", "Name taken.", { name: ["Taken."] });
    });
    expect(outcome).toEqual({ ok: false, code: "invalid", message: "Name taken.", fieldErrors: { name: ["Taken."] } });
    expect(await runOperation(actor, ZInput, { name: "x" }, async () => Promise.reject(stale("role")))).toMatchObject({
      ok: false,
      code: "stale",
    });
  });

  it("hides an unexpected error's text and logs it without the input", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    const outcome = await runOperation(actor, ZInput, { name: "secret-input" }, async () => {
      throw new Error("database exploded");
    });
    expect(outcome).toEqual({
      ok: false,
      code: "error",
      message: "Something went wrong and nothing was saved. Try again.",
      fieldErrors: {},
    });
    const logged = log.mock.calls.flat().join(" ");
    expect(logged).toContain("database exploded");
    expect(logged).not.toContain("secret-input");
  });
});
