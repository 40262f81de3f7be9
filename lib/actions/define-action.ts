// Every server action is defined here: the wrapper of action-wrapper.ts with the signed-in actor
// of the request's next-auth session.
import { currentActor } from "../auth/current";
import { actionWrapper } from "./action-wrapper";

export const defineAction = actionWrapper(currentActor);
