import { describe, expect, it } from "vitest";
import { keyFromLabel } from "./custom-field-types";
import { matchesWhole, regexProblem, valueProblem } from "./custom-fields";

describe("keyFromLabel", () => {
  it("makes a key of a-z, 0-9 and _ from a label", () => {
    expect(keyFromLabel("Customer ID (CRM)")).toBe("customer_id_crm");
    expect(keyFromLabel("  Numéro de client ")).toBe("numero_de_client");
    expect(keyFromLabel("***")).toBe("");
  });
});

describe("regexProblem", () => {
  it("takes RE2 patterns and refuses backreferences, lookaround and broken syntax", () => {
    expect(regexProblem("^C-[0-9]{4}$")).toBeNull();
    expect(regexProblem("(a)\\1")).toMatch(/cannot be used/);
    expect(regexProblem("(?=a)b")).toMatch(/cannot be used/);
    expect(regexProblem("([a-z]")).toMatch(/cannot be used/);
    expect(regexProblem("a".repeat(501))).toMatch(/at most 500/);
  });

  it("runs a pattern that backtracking engines take exponential time on, at once", () => {
    const started = performance.now();
    expect(matchesWhole("(a+)+$", `${"a".repeat(5000)}!`)).toBe(false);
    expect(performance.now() - started).toBeLessThan(2000);
  });
});

describe("valueProblem", () => {
  const rule = (
    type: Parameters<typeof valueProblem>[0]["type"],
    extra: Partial<Parameters<typeof valueProblem>[0]> = {},
  ) => ({
    type,
    choices: [],
    regex: null,
    ...extra,
  });
  it("checks each type", () => {
    expect(valueProblem(rule("integer"), "42")).toBeNull();
    expect(valueProblem(rule("integer"), "4.2")).toBe("not_an_integer");
    expect(valueProblem(rule("float"), "-4.2e3")).toBeNull();
    expect(valueProblem(rule("float"), "abc")).toBe("not_a_number");
    expect(valueProblem(rule("checkbox"), "true")).toBeNull();
    expect(valueProblem(rule("checkbox"), "yes")).toBe("not_a_checkbox_value");
    expect(valueProblem(rule("single_choice", { choices: ["gold", "silver"] }), "gold")).toBeNull();
    expect(valueProblem(rule("single_choice", { choices: ["gold"] }), "bronze")).toBe("not_a_choice");
    expect(valueProblem(rule("multiple_choice", { choices: ["a", "b"] }), "a, b")).toBeNull();
    expect(valueProblem(rule("string"), "two\nlines")).toBe("not_a_string");
    expect(valueProblem(rule("text"), "two\nlines")).toBeNull();
  });

  it("requires the whole value to match the custom regex", () => {
    expect(valueProblem(rule("string", { regex: "C-[0-9]{4}" }), "C-1001")).toBeNull();
    expect(valueProblem(rule("string", { regex: "C-[0-9]{4}" }), "xC-1001")).toBe("regex_mismatch");
  });
});
