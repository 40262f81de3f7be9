import { describe, expect, it } from "vitest";
import { scopeSql } from "./scope-sql";

describe("scopeSql", () => {
  it("says all, none, or the ids as bound values", () => {
    expect(scopeSql({ all: true }, 's."id"').text).toBe("TRUE");
    expect(scopeSql({ all: false, ids: [] }, 's."id"').text).toBe("FALSE");
    const some = scopeSql({ all: false, ids: ["a", "b'; --"] }, 's."id"');
    expect(some.text).toBe('s."id" IN ($1,$2)');
    expect(some.values).toEqual(["a", "b'; --"]);
  });
});
