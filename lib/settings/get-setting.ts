// One server variable with its version, for reads that name a key (the API's settings/{key}).
import type { Actor } from "../auth/actor";
import { notFound } from "../errors";
import { listSettings } from "./service";

export async function getSetting(actor: Actor, key: string) {
  const setting = (await listSettings(actor)).find((s) => s.key === key);
  if (!setting) throw notFound("This setting");
  return setting;
}
