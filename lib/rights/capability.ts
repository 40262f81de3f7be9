// Capabilities: what an actor may do, answered once per area in lib/<area>/permissions.ts. Pages ask it to
// offer a control, services ask the same function to refuse, so a page never offers what the service refuses.
//
// 403 or 404, the same in the console and in /api/v1, decided here and nowhere else:
// - A record the actor may not view at all answers 404, exactly as a record that does not exist, so that
//   nobody learns what exists beyond their rights. The attempt is still audited as a refusal.
// - A record the actor may view but not change in the asked way answers 403, with the refusal's audit row.
// - Creating, or a type's list, without the right on the whole type answers 403 (audited): the type is no secret.
// - A record that does not exist answers 404 to everybody.

import type { Actor } from "../auth/actor";
import { invalid, notFound } from "../errors";
import { canAll, canOn, canSome, type Rights } from "./can";
import { type Access, OBJECT_TYPE_SINGULAR, type ObjectType } from "./catalog";
import { refuse } from "./require";

/** Why something is not allowed: a right the actor lacks (refused, audited), or the record's state. */
export type Denial =
  | {
      kind: "right";
      objectType: ObjectType;
      access: Access;
      objectId?: string;
      /** The actor may not view the record: refused as if it did not exist (404). */
      hidden: boolean;
      /** The audit row's detail, when the missing right is not the obvious one. */
      detail?: string;
    }
  | { kind: "state"; message: string };

/** `null`: allowed. */
export type Verdict = Denial | null;

/** The access on the object when one is named (hidden from who may not view it), else on the whole type. */
export function rightVerdict(rights: Rights, objectType: ObjectType, access: Access, objectId?: string): Verdict {
  const held = objectId ? canOn(rights, objectType, access, objectId) : canAll(rights, objectType, access);
  if (held) return null;
  const hidden = !!objectId && !canOn(rights, objectType, "view", objectId);
  return { kind: "right", objectType, access, objectId, hidden };
}

/** A type's list: the view right on at least one of its objects (the list then shows only those). */
export function listVerdict(rights: Rights, objectType: ObjectType): Verdict {
  return canSome(rights, objectType, "view") ? null : { kind: "right", objectType, access: "view", hidden: false };
}

/** Whether the console shows the area at all: the same answer as its list. */
export function mayOpenArea(actor: { rights: Rights }, objectType: ObjectType): boolean {
  return listVerdict(actor.rights, objectType) === null;
}

/** A refusal for the record's state (a built-in role, one's own user), told as it is rather than as a right. */
export function stateVerdict(allowed: boolean, message: string): Verdict {
  return allowed ? null : { kind: "state", message };
}

/** The first reason in order; the order is the order the service checks them in. */
export function firstDenial(...verdicts: Verdict[]): Verdict {
  return verdicts.find((verdict) => verdict !== null) ?? null;
}

/** Yes or no per capability, for a page. */
export function allowedOf<K extends string>(verdicts: Record<K, Verdict>): Record<K, boolean> {
  return Object.fromEntries(
    Object.entries<Verdict>(verdicts).map(([key, verdict]) => [key, verdict === null]),
  ) as Record<K, boolean>;
}

/** Who asks: the signed-in user (or a token's owner) with their rights. */
export interface CapabilityActor {
  id: string;
  rights: Rights;
}

/** Throws unless allowed: a refused right is audited, then answered 403, or 404 when the record is hidden. */
export async function requireVerdict(actor: Actor, verdict: Verdict): Promise<void> {
  if (!verdict) return;
  if (verdict.kind === "state") throw invalid({}, verdict.message);
  const refusal = await refuse(actor, verdict.objectType, verdict.access, verdict.objectId, verdict.detail);
  // "This user", "This messaging service", but "This API token".
  const noun = OBJECT_TYPE_SINGULAR[verdict.objectType].replace(/^[A-Z][a-z]/, (start) => start.toLowerCase());
  if (verdict.hidden) throw notFound(`This ${noun}`);
  throw refusal;
}
