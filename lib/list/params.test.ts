import { describe, expect, it } from "vitest";
import { COUNT_WINDOW, countFor, PAGE_SIZE, pageOf, skipFor, sortColumn, textContains, ZListParams } from "./params";

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

describe("countFor", () => {
  // A table of `size` rows, counted as PostgreSQL would with OFFSET and LIMIT; `reads` is what it cost.
  function table(size: number) {
    const calls: { skip?: number; take?: number }[] = [];
    const count = async (window: { skip?: number; take?: number }) => {
      calls.push(window);
      const after = Math.max(0, size - (window.skip ?? 0));
      return window.take === undefined ? after : Math.min(after, window.take);
    };
    return { count, calls };
  }

  it("counts exactly unless asked for a window", async () => {
    const { count, calls } = table(100_000);
    expect(await countFor(count, 1)).toEqual({ total: 100_000, exact: true });
    expect(calls).toEqual([{}]);
  });

  it("counts at most COUNT_WINDOW rows from the page's first row, whatever the table's size", async () => {
    for (const size of [10_000, 100_000, 1_000_000]) {
      const { count, calls } = table(size);
      expect(await countFor(count, 1, "window")).toEqual({ total: COUNT_WINDOW, exact: false });
      expect(calls).toEqual([{ skip: 0, take: COUNT_WINDOW + 1 }]);
    }
  });

  it("is exact when the rest of the list fits the window, on the first page and the last", async () => {
    expect(await countFor(table(COUNT_WINDOW).count, 1, "window")).toEqual({ total: COUNT_WINDOW, exact: true });
    expect(await countFor(table(7).count, 1, "window")).toEqual({ total: 7, exact: true });
    expect(await countFor(table(10_000).count, 400, "window")).toEqual({ total: 10_000, exact: true });
    expect(await countFor(table(10_000).count, 200, "window")).toEqual({
      total: skipFor(200) + COUNT_WINDOW,
      exact: false,
    });
  });

  it("counts the whole list for a page past its end, so the page can say where the end is", async () => {
    expect(await countFor(table(30).count, 5, "window")).toEqual({ total: 30, exact: true });
    expect(await countFor(table(0).count, 1, "window")).toEqual({ total: 0, exact: true });
  });

  it("makes pages that say whether the total is exact", () => {
    expect(pageOf([], { total: COUNT_WINDOW, exact: false }, 1)).toEqual({
      rows: [],
      total: COUNT_WINDOW,
      page: 1,
      pageCount: COUNT_WINDOW / PAGE_SIZE,
      totalExact: false,
    });
    expect(pageOf([], { total: 3, exact: true }, 1)).toEqual({ rows: [], total: 3, page: 1, pageCount: 1 });
  });
});
