import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { diff, secretChange } from "./diff";

describe("diff", () => {
  it("lists only the fields that changed, with before and after", () => {
    expect(diff({ name: "a", port: 1, same: true }, { name: "b", port: 1, same: true })).toEqual({
      name: { from: "a", to: "b" },
    });
  });

  it("records a creation and a deletion field by field, absent values as null", () => {
    expect(diff(null, { name: "a", tags: ["x"] })).toEqual({
      name: { from: null, to: "a" },
      tags: { from: null, to: ["x"] },
    });
    expect(diff({ name: "a" }, null)).toEqual({ name: { from: "a", to: null } });
    expect(diff({ email: "x@example.com" }, {})).toEqual({ email: { from: "x@example.com", to: null } });
  });

  it("compares arrays and objects by value, and treats undefined like null", () => {
    expect(diff({ roles: ["A", "B"], opts: { a: 1 } }, { roles: ["A", "B"], opts: { a: 1 } })).toEqual({});
    expect(diff({ roles: ["A"] }, { roles: ["A", "B"] })).toEqual({ roles: { from: ["A"], to: ["A", "B"] } });
    expect(diff({ email: null }, { email: undefined })).toEqual({});
  });

  it("shows secrets only as set, changed or cleared", () => {
    const secrets = ["password", "token"];
    expect(diff({ password: null }, { password: "hunter2-long-secret" }, secrets)).toEqual({ password: "set" });
    expect(diff({ password: "old-secret" }, { password: "new-secret" }, secrets)).toEqual({ password: "changed" });
    expect(diff({ password: "old-secret" }, { password: "" }, secrets)).toEqual({ password: "cleared" });
    expect(diff({ token: "same" }, { token: "same" }, secrets)).toEqual({});
    expect(diff(null, { token: "abc", name: "n" }, secrets)).toEqual({ token: "set", name: { from: null, to: "n" } });
    expect(diff({ token: "abc" }, null, secrets)).toEqual({ token: "cleared" });
  });
});

describe("secretChange", () => {
  it("treats null, undefined and the empty string as not set", () => {
    for (const empty of [null, undefined, ""]) {
      expect(secretChange(empty, "x")).toBe("set");
      expect(secretChange("x", empty)).toBe("cleared");
      expect(secretChange(empty, null)).toBeNull();
    }
    expect(secretChange("x", "y")).toBe("changed");
    expect(secretChange("x", "x")).toBeNull();
  });
});

describe("properties", () => {
  const value = fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.constant(null), fc.array(fc.string()));
  const snapshot = fc.option(fc.dictionary(fc.constantFrom("name", "url", "port", "note"), value), { nil: null });
  // Long enough and marked, so that finding it in the output cannot be a coincidence.
  const secret = fc.string({ minLength: 6 }).map((s) => `SECRET<${s}>`);

  it("never contains a secret's value, whatever the other fields hold", () => {
    fc.assert(
      fc.property(
        snapshot,
        snapshot,
        fc.option(secret, { nil: null }),
        fc.option(secret, { nil: null }),
        (before, after, oldSecret, newSecret) => {
          const changes = diff(
            before === null ? null : { ...before, apiKey: oldSecret },
            after === null ? null : { ...after, apiKey: newSecret },
            ["apiKey"],
          );
          const text = JSON.stringify(changes);
          if (oldSecret) expect(text).not.toContain(oldSecret);
          if (newSecret) expect(text).not.toContain(newSecret);
          expect([undefined, "set", "changed", "cleared"]).toContain(changes.apiKey);
        },
      ),
    );
  });

  it("is empty when nothing changed, and reverses when before and after swap", () => {
    fc.assert(
      fc.property(snapshot, snapshot, (before, after) => {
        expect(diff(before, before)).toEqual({});
        const forward = diff(before, after);
        const backward = diff(after, before);
        expect(Object.keys(backward).sort()).toEqual(Object.keys(forward).sort());
        for (const [key, change] of Object.entries(forward)) {
          if (typeof change === "string") throw new Error("no secrets were named");
          expect(backward[key]).toEqual({ from: change.to, to: change.from });
        }
      }),
    );
  });
});
