// Pure helpers of `npm run bench:http` (scripts/bench-http.ts): its options, the percentiles of measured
// latencies, the script chunks a page loads, and the table it prints. Kept apart so a unit test covers them.

export interface BenchOptions {
  /** Messaging services seeded in this run (the table whose size the list pages should not feel). */
  rows: number;
  /** The sizes to run one after another, each on a fresh database (`--rows 1000,10000,100000`). */
  sizes: number[];
  users: number;
  auditRows: number;
  /** About how long each route is measured, after a warm-up; at least two requests per connection. */
  seconds: number;
  /** Warm-up requests per connection. */
  warmup: number;
  connections: number;
  /** Which databases to run on; "postgres" is skipped when no server answers. */
  databases: ("pglite" | "postgres")[];
  /** 0: a free port. */
  port: number;
  /** Measure only the routes whose name contains one of these (`--only "page 200,inbound"`), and the sign-in
   * page they are compared with; empty: all. */
  only: string[];
  /** Only the first-load JavaScript of the console routes, on the first database and size: no route is driven. */
  jsOnly: boolean;
}

export const DEFAULT_BENCH_OPTIONS: BenchOptions = {
  rows: 10_000,
  sizes: [10_000],
  users: 1_000,
  auditRows: 100_000,
  seconds: 5,
  warmup: 2,
  connections: 10,
  databases: ["pglite", "postgres"],
  port: 0,
  only: [],
  jsOnly: false,
};

/** What `--js-only` seeds unless told otherwise: enough for every page (the bench seeds 50 external users). */
const JS_ONLY_SIZES = { rows: 100, users: 100, auditRows: 100 };

const INTEGER_FLAGS = {
  "--users": "users",
  "--audit": "auditRows",
  "--seconds": "seconds",
  "--warmup": "warmup",
  "--connections": "connections",
  "--port": "port",
} as const satisfies Record<string, keyof BenchOptions>;

export const BENCH_USAGE = `Usage: npm run bench:http -- [--rows N[,N…]] [--users N] [--audit N] [--seconds N]
       [--warmup N] [--connections N] [--db pglite|postgres|both] [--port N]
       [--only NAME[,NAME…]] [--js-only]`;

/** Reads `--flag value` and `--flag=value`; throws with the usage on anything else. */
export function parseBenchArgs(argv: readonly string[]): BenchOptions {
  const options: BenchOptions = {
    ...DEFAULT_BENCH_OPTIONS,
    sizes: [...DEFAULT_BENCH_OPTIONS.sizes],
    databases: [...DEFAULT_BENCH_OPTIONS.databases],
    only: [],
  };
  const args = argv.flatMap((arg) => (arg.startsWith("--") && arg.includes("=") ? arg.split(/=(.*)/s, 2) : [arg]));
  const given = new Set<string>();
  for (let i = 0; i < args.length; i++) {
    const flag = args[i] as string;
    given.add(flag);
    if (flag === "--js-only") {
      options.jsOnly = true;
      continue;
    }
    const value = args[i + 1];
    if (value === undefined) throw new Error(`${flag} needs a value.\n${BENCH_USAGE}`);
    i++;
    if (flag === "--db") {
      const choice = { pglite: ["pglite"], postgres: ["postgres"], both: ["pglite", "postgres"] }[value];
      if (!choice) throw new Error(`--db takes pglite, postgres or both, not "${value}".\n${BENCH_USAGE}`);
      options.databases = choice as BenchOptions["databases"];
      continue;
    }
    if (flag === "--only") {
      options.only = value.split(",").filter((name) => name.trim() !== "");
      continue;
    }
    if (flag === "--rows") {
      const sizes = value.split(",");
      if (!sizes.every((size) => /^\d+$/.test(size) && Number(size) >= 100)) {
        throw new Error(`--rows takes whole numbers of at least 100, comma-separated, not "${value}".\n${BENCH_USAGE}`);
      }
      options.sizes = sizes.map(Number);
      options.rows = options.sizes[0] as number;
      continue;
    }
    const key = INTEGER_FLAGS[flag as keyof typeof INTEGER_FLAGS];
    if (!key) throw new Error(`Unknown option ${flag}.\n${BENCH_USAGE}`);
    if (!/^\d+$/.test(value)) throw new Error(`${flag} takes a whole number, not "${value}".\n${BENCH_USAGE}`);
    options[key] = Number(value);
  }
  if (options.seconds < 1 || options.connections < 1)
    throw new Error(`--seconds and --connections must be at least 1.`);
  // The sizes of the JavaScript do not depend on the database or its size: one small run tells them.
  if (options.jsOnly) {
    options.sizes = options.sizes.slice(0, 1);
    options.databases = options.databases.slice(0, 1);
    if (!given.has("--rows")) options.rows = options.sizes[0] = JS_ONLY_SIZES.rows;
    if (!given.has("--users")) options.users = JS_ONLY_SIZES.users;
    if (!given.has("--audit")) options.auditRows = JS_ONLY_SIZES.auditRows;
  }
  return options;
}

/** The q-quantile (0..1) of the samples, nearest-rank; NaN when there are none. */
export function percentile(samples: readonly number[], q: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil(q * sorted.length)));
  return sorted[rank - 1] as number;
}

/**
 * The script chunks a page loads: the `src` of each `<script>` tag, resolved against the page, once each;
 * `nomodule` scripts are left out, as a browser that runs modules (every one the console supports) skips them.
 */
export function scriptSources(html: string, pageUrl: string): string[] {
  const sources = new Set<string>();
  for (const tag of html.match(/<script\b[^>]*>/gi) ?? []) {
    // A nomodule script (Next's legacy polyfills) is neither fetched nor run by a browser that runs modules.
    if (/\snomodule(?:[\s=>]|$)/i.test(tag)) continue;
    const src = /\ssrc=(?:"([^"]*)"|'([^']*)'|([^\s>]+))/i.exec(tag);
    const value = src?.[1] ?? src?.[2] ?? src?.[3];
    if (value) sources.add(new URL(value.replaceAll("&amp;", "&"), pageUrl).toString());
  }
  return [...sources];
}

export interface RouteResult {
  name: string;
  /** Requests answered in the measured window. */
  count: number;
  /** Completed requests per second over the measured window. */
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  /** Answers with a status outside 200–299. */
  non2xx: number;
  /** 2xx answers whose body was not what the route should answer (e.g. a save that was refused), plus errors. */
  bad: number;
  /**
   * The server process's CPU time per answered request, all its threads: unlike latency, barely moved by
   * other work on the machine. PostgreSQL's own processes are not counted.
   */
  cpuMs: number;
  /** The same for the main thread alone, where Next and React run (PGlite has a thread of its own). */
  mainCpuMs: number;
}

const fixed = (value: number, digits: number) => (Number.isFinite(value) ? value.toFixed(digits) : "–");
const times = (value: number) => (Number.isFinite(value) ? `${value.toFixed(2)}×` : "–");

/**
 * The baseline the ratios are taken against: the best of the routes whose name starts with `baselineName`
 * (the sign-in page, measured first and again last). Measured once, right after the server started, it
 * answered anywhere between 137 and 272 requests a second in runs of one build, and every ratio moved with
 * it; the better of two measurements is the stricter and steadier floor.
 */
export function baselineOf(results: readonly RouteResult[], baselineName: string): RouteResult | undefined {
  const measured = results.filter((r) => r.name.startsWith(baselineName) && r.count > 0);
  if (measured.length === 0) return undefined;
  const best = (pick: (r: RouteResult) => number, better: (...values: number[]) => number) =>
    better(...measured.map(pick));
  return {
    ...(measured[0] as RouteResult),
    rps: best((r) => r.rps, Math.max),
    p95: best((r) => r.p95, Math.min),
    mainCpuMs: best((r) => r.mainCpuMs, Math.min),
  };
}

/**
 * The results as an aligned text table with ratios against the baseline (baselineOf: the sign-in page):
 * p95 / baseline p95 (lower is better, 1.0 = as fast as the baseline) and req/s / baseline req/s (higher is better).
 */
export function formatResults(results: readonly RouteResult[], baselineName: string): string {
  const baseline = baselineOf(results, baselineName);
  const header = [
    "route",
    "requests",
    "req/s",
    "p50 ms",
    "p95 ms",
    "p99 ms",
    "non-2xx",
    "bad",
    "p95/sign-in",
    "req/s/sign-in",
    "CPU ms/req",
    "main ms/req",
    "main/sign-in",
  ];
  const rows = results.map((r) => [
    r.name,
    String(r.count),
    fixed(r.rps, 1),
    fixed(r.p50, 1),
    fixed(r.p95, 1),
    fixed(r.p99, 1),
    String(r.non2xx),
    String(r.bad),
    baseline ? times(r.p95 / baseline.p95) : "–",
    baseline ? times(r.rps / baseline.rps) : "–",
    fixed(r.cpuMs, 2),
    fixed(r.mainCpuMs, 2),
    baseline ? times(r.mainCpuMs / baseline.mainCpuMs) : "–",
  ]);
  return table(header, rows);
}

/** Columns aligned: the first to the left, the others to the right. */
function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => (row[i] as string).length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, i) => (i === 0 ? cell.padEnd(widths[i] as number) : cell.padStart(widths[i] as number)))
      .join("  ");
  return [line(header), line(widths.map((w) => "-".repeat(w))), ...rows.map(line)].join("\n");
}

/**
 * Cost against table size: for each route (matched by position, as each run drives the same routes in the same
 * order), its p95 and req/s as ratios to the sign-in page of its own run, one pair of columns per size.
 */
export function formatScale(sizes: readonly number[], runs: readonly (readonly RouteResult[])[], baselineName: string) {
  const header = [
    "route",
    ...sizes.flatMap((size) => [`p95× @${size.toLocaleString("en")}`, `req/s× @${size.toLocaleString("en")}`]),
  ];
  const names = runs.at(-1)?.map((r) => r.name) ?? [];
  const rows = names.map((name, i) => [
    name,
    ...runs.flatMap((run) => {
      const baseline = baselineOf(run, baselineName);
      const route = run[i];
      return baseline && route ? [times(route.p95 / baseline.p95), times(route.rps / baseline.rps)] : ["–", "–"];
    }),
  ]);
  return table(header, rows);
}

/** Issue 10's budget: each console route's first-load JavaScript, gzip. */
export const FIRST_LOAD_BUDGET_BYTES = 180 * 1024;

/** One line of the first-load JavaScript report, flagged when the route is over the budget. */
export function formatFirstLoadLine(route: string, bytes: number, scripts: number): string {
  const over = bytes >= FIRST_LOAD_BUDGET_BYTES ? `  over ${formatKilobytes(FIRST_LOAD_BUDGET_BYTES)}` : "";
  return `  ${route.padEnd(58)} ${formatKilobytes(bytes).padStart(10)}  (${scripts} scripts)${over}`;
}

/** 1234567 → "1,205.6 kB" (kB = 1,024 bytes, as Next's build output counts). */
export function formatKilobytes(bytes: number): string {
  return `${(bytes / 1024).toLocaleString("en", { minimumFractionDigits: 1, maximumFractionDigits: 1 })} kB`;
}
