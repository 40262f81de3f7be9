// Who is acting: the signed-in user with the rights their roles add up to, and where they call from.
import type { Rights } from "../rights/can";

export interface Actor {
  id: string;
  logonName: string;
  displayName: string;
  rights: Rights;
  clientAddress: string | null;
  mustChangePassword: boolean;
  /** A role of theirs requires a second factor and they have none yet: they enrol before anything else. */
  mustEnrolSecondFactor: boolean;
  /** How the actor authenticated when not by a console session: recorded in audit rows, never decided on. */
  via?: ActorVia;
}

export type ActorVia = { kind: "token"; tokenId: string; tokenName: string };
