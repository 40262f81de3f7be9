import { describe, expect, it } from "vitest";
import {
  DEFAULT_BENCH_OPTIONS,
  FIRST_LOAD_BUDGET_BYTES,
  formatFirstLoadLine,
  formatKilobytes,
  formatResults,
  formatScale,
  parseBenchArgs,
  percentile,
  scriptSources,
} from "./http-report";

describe("parseBenchArgs", () => {
  it("defaults to 10,000 services on both databases, and reads both flag forms", () => {
    expect(parseBenchArgs([])).toEqual(DEFAULT_BENCH_OPTIONS);
    expect(parseBenchArgs(["--rows", "100000", "--db=pglite", "--seconds=3", "--port", "3410"])).toMatchObject({
      rows: 100_000,
      sizes: [100_000],
      databases: ["pglite"],
      seconds: 3,
      port: 3410,
    });
  });

  it("takes several sizes, to run one after another", () => {
    expect(parseBenchArgs(["--rows=1000,10000,100000"])).toMatchObject({ rows: 1000, sizes: [1000, 10_000, 100_000] });
    expect(() => parseBenchArgs(["--rows", "1000,50"])).toThrow(/at least 100/);
    expect(parseBenchArgs(["--only", "page 200,inbound"]).only).toEqual(["page 200", "inbound"]);
  });

  it("takes --js-only without a value, beside other flags", () => {
    expect(parseBenchArgs([]).jsOnly).toBe(false);
    expect(parseBenchArgs(["--js-only", "--db", "postgres", "--rows=1000"])).toMatchObject({
      jsOnly: true,
      databases: ["postgres"],
      rows: 1000,
      sizes: [1000],
    });
    expect(parseBenchArgs(["--rows", "200,1000", "--js-only"])).toMatchObject({
      jsOnly: true,
      sizes: [200],
      databases: ["pglite"],
    });
    // A small database unless told otherwise: the pages' scripts do not depend on it.
    expect(parseBenchArgs(["--js-only", "--users", "500"])).toMatchObject({
      rows: 100,
      sizes: [100],
      users: 500,
      auditRows: 100,
    });
  });

  it("refuses unknown flags, missing and non-numeric values", () => {
    expect(() => parseBenchArgs(["--rowz", "1"])).toThrow(/Unknown option --rowz/);
    expect(() => parseBenchArgs(["--rows"])).toThrow(/needs a value/);
    expect(() => parseBenchArgs(["--rows", "10k"])).toThrow(/whole numbers/);
    expect(() => parseBenchArgs(["--seconds", "1.5"])).toThrow(/whole number/);
    expect(() => parseBenchArgs(["--db", "mysql"])).toThrow(/pglite, postgres or both/);
  });
});

describe("percentile", () => {
  it("is nearest-rank over unsorted samples", () => {
    const samples = Array.from({ length: 100 }, (_, i) => 100 - i);
    expect(percentile(samples, 0.5)).toBe(50);
    expect(percentile(samples, 0.95)).toBe(95);
    expect(percentile(samples, 0.99)).toBe(99);
    expect(percentile([7], 0.99)).toBe(7);
    expect(percentile([], 0.5)).toBeNaN();
  });
});

describe("scriptSources", () => {
  it("lists each script src once, resolved, and skips inline scripts", () => {
    const html = `<script src="/_next/static/chunks/a.js" async=""></script><script>self.__next_f.push([1,""])</script>
      <script nonce="x" src='/_next/static/chunks/b.js?v=1&amp;w=2'></script><script src="/_next/static/chunks/a.js"></script>`;
    expect(scriptSources(html, "http://127.0.0.1:3410/users")).toEqual([
      "http://127.0.0.1:3410/_next/static/chunks/a.js",
      "http://127.0.0.1:3410/_next/static/chunks/b.js?v=1&w=2",
    ]);
  });

  it("leaves out nomodule scripts, which a browser that runs modules never fetches", () => {
    const html = `<script src="/_next/static/chunks/polyfills.js" noModule="" nonce="n"></script>
      <script src="/_next/static/chunks/app.js" async=""></script><script nomodule src="/legacy.js"></script>
      <script data-nomodule-like="1" src="/kept.js"></script>`;
    expect(scriptSources(html, "http://127.0.0.1:3410/users")).toEqual([
      "http://127.0.0.1:3410/_next/static/chunks/app.js",
      "http://127.0.0.1:3410/kept.js",
    ]);
  });
});

describe("formatResults", () => {
  it("prints one aligned row per route with ratios to the sign-in page", () => {
    const table = formatResults(
      [
        {
          name: "sign-in page",
          count: 1000,
          rps: 200,
          p50: 40,
          p95: 100,
          p99: 120,
          non2xx: 0,
          bad: 0,
          cpuMs: 4,
          mainCpuMs: 3,
        },
        {
          name: "services list",
          count: 100,
          rps: 20,
          p50: 400,
          p95: 1500,
          p99: 2000,
          non2xx: 3,
          bad: 1,
          cpuMs: 10,
          mainCpuMs: 6,
        },
      ],
      "sign-in page",
    ).split("\n");
    expect(table).toHaveLength(4);
    expect(table[0]).toMatch(
      /^route\s+requests\s+req\/s\s+p50 ms\s+p95 ms\s+p99 ms\s+non-2xx\s+bad\s+p95\/sign-in\s+req\/s\/sign-in\s+CPU ms\/req\s+main ms\/req\s+main\/sign-in$/,
    );
    expect(table[2]).toMatch(
      /^sign-in page\s+1000\s+200\.0\s+40\.0\s+100\.0\s+120\.0\s+0\s+0\s+1\.00×\s+1\.00×\s+4\.00\s+3\.00\s+1\.00×$/,
    );
    expect(table[3]).toMatch(
      /^services list\s+100\s+20\.0\s+400\.0\s+1500\.0\s+2000\.0\s+3\s+1\s+15\.00×\s+0\.10×\s+10\.00\s+6\.00\s+2\.00×$/,
    );
    expect(new Set(table.map((line) => line.length)).size).toBe(1);
  });

  it("takes the ratios against the better of the sign-in page's two measurements", () => {
    const result = (name: string, rps: number, p95: number, mainCpuMs: number) => ({
      name,
      count: 100,
      rps,
      p50: 1,
      p95,
      p99: 1,
      non2xx: 0,
      bad: 0,
      cpuMs: 1,
      mainCpuMs,
    });
    const lines = formatResults(
      [
        result("sign-in page", 150, 80, 5),
        result("services list", 50, 160, 10),
        result("sign-in page, again", 200, 100, 4),
      ],
      "sign-in page",
    ).split("\n");
    // Best req/s 200 (the second), best p95 80 ms (the first), best main-thread time 4 ms (the second).
    expect(lines[3]).toMatch(/^services list\s.*\s2\.00×\s+0\.25×\s+1\.00\s+10\.00\s+2\.50×$/);
    expect(lines[2]).toMatch(/\s1\.00×\s+0\.75×\s+1\.00\s+5\.00\s+1\.25×$/);
  });

  it("prints a dash, not NaN, for a route that completed no request", () => {
    const [, , row] = formatResults(
      [
        {
          name: "slow",
          count: 0,
          rps: 0,
          p50: Number.NaN,
          p95: Number.NaN,
          p99: Number.NaN,
          non2xx: 0,
          bad: 0,
          cpuMs: Number.NaN,
          mainCpuMs: Number.NaN,
        },
      ],
      "slow",
    ).split("\n");
    expect(row).toMatch(/^slow\s+0\s+0\.0\s+–\s+–\s+–\s+0\s+0\s+–\s+–\s+–\s+–\s+–$/);
  });

  it("puts the ratios of several sizes side by side, each against its own run's sign-in page", () => {
    const run = (rps: number, p95: number) => [
      { name: "sign-in page", count: 1, rps: 100, p50: 1, p95: 100, p99: 1, non2xx: 0, bad: 0, cpuMs: 1, mainCpuMs: 1 },
      { name: "services list", count: 1, rps, p50: 1, p95, p99: 1, non2xx: 0, bad: 0, cpuMs: 1, mainCpuMs: 1 },
    ];
    const lines = formatScale([1000, 100_000], [run(50, 150), run(5, 2000)], "sign-in page").split("\n");
    expect(lines[0]).toMatch(/^route\s+p95× @1,000\s+req\/s× @1,000\s+p95× @100,000\s+req\/s× @100,000$/);
    expect(lines[3]).toMatch(/^services list\s+1\.50×\s+0\.50×\s+20\.00×\s+0\.05×$/);
  });

  it("flags a route whose first-load JavaScript reaches the budget", () => {
    expect(formatFirstLoadLine("/users", FIRST_LOAD_BUDGET_BYTES - 1024, 9)).toMatch(
      /^ {2}\/users\s+179\.0 kB {2}\(9 scripts\)$/,
    );
    expect(formatFirstLoadLine("/users/new", 217_805, 12)).toMatch(/212\.7 kB {2}\(12 scripts\) {2}over 180\.0 kB$/);
  });

  it("says kilobytes as Next's build output does", () => {
    expect(formatKilobytes(184_320)).toBe("180.0 kB");
    expect(formatKilobytes(1_234_567)).toBe("1,205.6 kB");
  });
});
