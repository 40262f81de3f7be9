import path from "node:path";

/** Where the embedded database and generated keys live (SWITCHBOARD_DATA_DIR, default ./data). */
export function dataDir(): string {
  return path.resolve(process.env.SWITCHBOARD_DATA_DIR ?? "data");
}
