// The guided "Create external user for incoming authentication" flow of the seed: a new external user
// holding Use on the one service the flow was started from, as a right of its own (the seed's User Rights
// block). Wider grants are a deliberate choice in the rights editor, not a side effect of this flow.
import { diff } from "../audit/diff";
import { recordAudit } from "../audit/record";
import type { Actor } from "../auth/actor";
import { hashPassword } from "../auth/password";
import { passwordProblem } from "../auth/password-policy";
import { db } from "../db";
import { invalid, isUniqueViolation, notFound } from "../errors";
import { requireRight } from "../rights/require";
import { authenticatesCallersAsUsers, incomingUserRequirements } from "./permissions";
import type { TIncomingUserForServiceRequest } from "./schemas";

const LOGON_TAKEN = "A user with this logon name exists already.";

export async function createIncomingUser(actor: Actor, input: TIncomingUserForServiceRequest) {
  for (const right of incomingUserRequirements(input.serviceId)) {
    await requireRight(actor, right.objectType, right.access, right.objectId);
  }
  const service = await db().messagingService.findUnique({
    where: { id: input.serviceId },
    select: { id: true, name: true, type: true },
  });
  if (!service) throw notFound("This messaging service");
  if (!authenticatesCallersAsUsers(service.type)) {
    throw invalid({}, `${service.name} does not authenticate its callers as external users.`);
  }
  const problem = await passwordProblem(input.password, input.logonName);
  if (problem) throw invalid({ password: [problem] });
  const passwordHash = await hashPassword(input.password);
  const logonKey = input.logonName.toLowerCase();
  try {
    return await db().$transaction(async (tx) => {
      if (await tx.user.findUnique({ where: { logonKey }, select: { id: true } })) {
        throw invalid({ logonName: [LOGON_TAKEN] });
      }
      const user = await tx.user.create({
        data: {
          logonName: input.logonName,
          logonKey,
          firstName: input.firstName,
          lastName: input.lastName,
          kind: "external",
          enabled: true,
          passwordHash,
          // External users never sign in, so there is no first-login change to ask for.
          mustChangePassword: false,
          rights: { create: { objectType: "messaging_service", access: "use", objectId: service.id } },
        },
      });
      await recordAudit(tx, actor, {
        action: "create",
        objectType: "user",
        objectId: user.id,
        objectName: user.logonName,
        changes: diff(
          null,
          {
            logonName: user.logonName,
            firstName: user.firstName,
            lastName: user.lastName,
            kind: user.kind,
            enabled: user.enabled,
            rights: [`Use on messaging service ${service.name}`],
            password: "set",
          },
          ["password"],
        ),
      });
      return user;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw invalid({ logonName: [LOGON_TAKEN] });
    throw error;
  }
}
