import path from "node:path";

/** Where the embedded database and generated keys live (SWITCHBOARD_DATA_DIR, default ./data). */
export function dataDir(): string {
  const configured = process.env.SWITCHBOARD_DATA_DIR;
  return configured ? path.resolve(/*turbopackIgnore: true*/ configured) : path.join(process.cwd(), "data");
}
