import { describe, expect, it } from "vitest";
import { PAGE_SIZE, pageOf, skipFor, sortColumn, textContains, ZListParams } from "./params";

describe("ZListParams", () => {
  it("reads the query string of a list page", () => {
    expect(ZListParams.parse({ q: "  ada ", sort: "lastName", dir: "desc", page: "3" })).toEqual({
      q: "ada",
      sort: "lastName",
      dir: "desc",
      page: 3,
    });
  });

  it("falls back to defaults instead of failing on hand-edited URLs", () => {
    expect(ZListParams.parse({})).toEqual({ dir: "asc", page: 1 });
    expect(ZListParams.parse({ dir: "sideways", page: "-2", q: "x".repeat(101), sort: "s".repeat(41) })).toEqual({
      dir: "asc",
      page: 1,
      q: undefined,
      sort: undefined,
    });
    expect(ZListParams.parse({ page: "2.5" }).page).toBe(1);
    expect(ZListParams.parse({ page: "100001" }).page).toBe(1);
  });
});

describe("paging", () => {
  it("skips whole pages and counts at least one page", () => {
    expect(skipFor(1)).toBe(0);
    expect(skipFor(3)).toBe(2 * PAGE_SIZE);
    expect(pageOf([], 0, 1)).toEqual({ rows: [], total: 0, page: 1, pageCount: 1 });
    expect(pageOf([1], PAGE_SIZE, 1).pageCount).toBe(1);
    expect(pageOf([1], PAGE_SIZE + 1, 2).pageCount).toBe(2);
  });

  it("sorts only by allowed columns", () => {
    const allowed = ["name", "createdAt"] as const;
    expect(sortColumn("createdAt", allowed, "name")).toBe("createdAt");
    expect(sortColumn("passwordHash", allowed, "name")).toBe("name");
    expect(sortColumn(undefined, allowed, "name")).toBe("name");
  });
});

describe("textContains", () => {
  it("escapes LIKE wildcards and the escape character so they match themselves", () => {
    expect(textContains("100%_a\\b")).toEqual({ contains: "100\\%\\_a\\\\b", mode: "insensitive" });
    expect(textContains("plain")).toEqual({ contains: "plain", mode: "insensitive" });
  });
});
