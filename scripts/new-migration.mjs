// Makes a migration offline: diffs the schema as of the newest migration (its snapshot) against
// prisma/schema.prisma and writes prisma/migrations/<timestamp>_<name>/. With --check it only
// reports whether the schema has changes that no migration holds yet.
import { execFileSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, readdirSync, writeFileSync } from "node:fs";
import path from "node:path";

const migrationsDir = "prisma/migrations";
const schema = "prisma/schema.prisma";
const snapshotName = "schema.snapshot.prisma";
const check = process.argv.includes("--check");
const name = process.argv.slice(2).find((arg) => !arg.startsWith("--"));

const latest = existsSync(migrationsDir)
  ? readdirSync(migrationsDir)
      .filter((entry) => existsSync(path.join(migrationsDir, entry, snapshotName)))
      .sort()
      .at(-1)
  : undefined;
const from = latest ? ["--from-schema-datamodel", path.join(migrationsDir, latest, snapshotName)] : ["--from-empty"];

const sql = execFileSync(
  "npx",
  ["prisma", "migrate", "diff", ...from, "--to-schema-datamodel", schema, "--script"],
  // The diff needs no database; an in-memory one keeps the CLI off the data directory.
  { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"], env: { ...process.env, DATABASE_URL: "pglite:memory" } },
);
const empty = !/^\s*[A-Z]/m.test(sql.replace(/^--.*$/gm, ""));

if (check) {
  if (!empty) {
    console.error("prisma/schema.prisma has changes no migration holds: run npm run db:migration -- <name>");
    process.exit(1);
  }
  process.exit(0);
}
if (empty) {
  console.log("The schema has no changes since the newest migration; nothing written.");
  process.exit(0);
}
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error("Usage: npm run db:migration -- <name in snake_case>");
  process.exit(1);
}
const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
const dir = path.join(migrationsDir, `${stamp}_${name}`);
mkdirSync(dir, { recursive: true });
writeFileSync(path.join(dir, "migration.sql"), sql);
copyFileSync(schema, path.join(dir, snapshotName));
if (!existsSync(path.join(migrationsDir, "migration_lock.toml"))) {
  writeFileSync(path.join(migrationsDir, "migration_lock.toml"), 'provider = "postgresql"\n');
}
console.log(`Wrote ${dir}/migration.sql`);
