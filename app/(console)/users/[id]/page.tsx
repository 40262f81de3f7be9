import type { Metadata } from "next";
import { HistoryLink } from "@/app/(console)/history/_components/history-link";
import { deleteUserAction } from "@/app/(console)/users/actions";
import { DeleteButton } from "@/components/forms/delete-button";
import { ResetPasswordForm } from "@/components/forms/reset-password-form";
import { ResetSecondFactorButton } from "@/components/forms/reset-second-factor-button";
import { EditUserForm } from "@/components/forms/user-form";
import { UserRightsForm } from "@/components/forms/user-rights-form";
import { Table, Td, Th } from "@/components/lists/table";
import { guardedPage } from "@/components/shell/guarded-page";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { Link } from "@/components/ui/link";
import { PageHeader } from "@/components/ui/page-header";
import { pageActor } from "@/lib/auth/page-actor";
import { ACCESS_LABELS, AREA_EXISTS, OBJECT_TYPE_LABELS } from "@/lib/rights/catalog";
import { objectChoices, objectNames } from "@/lib/rights/objects";
import { roleChoices } from "@/lib/roles/service";
import { userCapabilities } from "@/lib/users/permissions";
import { getUser } from "@/lib/users/service";

export const metadata: Metadata = { title: "User" };

export default guardedPage(async function UserPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await pageActor();
  const { id } = await params;
  const loaded = await getUser(actor, id);
  const { user } = loaded;
  // Rights on areas the console does not have yet (the Administrator role holds them) would only puzzle here.
  const effectiveRights = loaded.effectiveRights.filter((right) => AREA_EXISTS[right.objectType]);
  // With the rights the user holds: nothing is offered on a user more powerful than the actor.
  const may = userCapabilities(actor, { id: user.id, logonName: user.logonName, rights: loaded.heldRights });
  const canModify = may.modify;
  const canAssignRoles = may.assignRoles;
  const direct = user.rights.map((r) => ({ objectType: r.objectType, access: r.access, objectId: r.objectId }));
  const canDelete = may.delete;
  const held = user.roles.map((r) => r.role);
  const choices = canAssignRoles ? await roleChoices(actor) : held;
  // Roles the user holds stay listed even when the actor may not see them otherwise.
  const roles = [...choices, ...held.filter((h) => !choices.some((c) => c.id === h.id))];
  const requiredBy = held.filter((r) => r.requiresSecondFactor).map((r) => r.name);
  const names = await objectNames(effectiveRights.map((r) => r.objectId));

  return (
    <>
      <PageHeader
        title={user.logonName}
        description={`${user.firstName} ${user.lastName}${user.email ? ` · ${user.email}` : ""}`}
        badges={
          <>
            {user.kind === "external" ? <Badge tone="info">External user</Badge> : <Badge>Console user</Badge>}
            {user.enabled ? <Badge tone="good">Enabled</Badge> : <Badge tone="bad">Disabled</Badge>}
            {user.mustChangePassword ? <Badge tone="warn">Must change password</Badge> : null}
            {user.totpEnabledAt ? <Badge tone="good">Second factor</Badge> : null}
          </>
        }
        actions={
          <>
            <HistoryLink objectType="user" objectId={user.id} />
            {canDelete ? (
              <DeleteButton
                label="Delete user"
                what={`User ${user.logonName}`}
                input={{ id: user.id, version: user.version }}
                action={deleteUserAction}
                redirectTo="/users"
              />
            ) : null}
          </>
        }
      />
      <div className="space-y-6">
        <Card
          title="Details"
          description={
            canModify
              ? undefined
              : userCapabilities(actor, { id: user.id }).modify
                ? "This user holds rights you do not hold, so you may view them but not change them."
                : "You may view this user but not change it."
          }
        >
          <EditUserForm
            key={user.version}
            user={{
              id: user.id,
              version: user.version,
              firstName: user.firstName,
              lastName: user.lastName,
              logonName: user.logonName,
              email: user.email ?? "",
              enabled: user.enabled,
              roleIds: held.map((r) => r.id),
            }}
            roles={roles}
            canAssignRoles={canAssignRoles}
            canSave={canModify}
          />
        </Card>
        {may.resetPassword ? (
          <Card
            title="Reset password"
            description={
              user.kind === "external"
                ? "Give the new password to the external system that calls in with this user."
                : "The user must choose a new password at the next sign-in; their current sessions end."
            }
          >
            <ResetPasswordForm
              key={user.version}
              id={user.id}
              version={user.version}
              external={user.kind === "external"}
            />
          </Card>
        ) : null}
        {user.kind === "console" && user.id === actor.id ? (
          <Card title="Second factor">
            <p className="text-sm text-slate-700">
              Your own second factor is set up on your{" "}
              <Link href="/account/security" className="font-medium text-brand-700 underline">
                Security page
              </Link>
              .
            </p>
          </Card>
        ) : null}
        {may.resetSecondFactor && user.kind === "console" ? (
          <Card title="Second factor">
            <div className="space-y-3 text-sm text-slate-700">
              <p>
                {user.totpEnabledAt
                  ? `Set up on ${user.totpEnabledAt.toISOString().slice(0, 10)}. Reset it when the user lost their authenticator and recovery codes.`
                  : requiredBy.length > 0
                    ? `Not set up. Their role ${requiredBy.join(", ")} requires it, so they set it up at their next sign-in.`
                    : "Not set up. Users set it up on their own Security page."}
              </p>
              {user.totpEnabledAt ? (
                <ResetSecondFactorButton id={user.id} version={user.version} logonName={user.logonName} />
              ) : null}
            </div>
          </Card>
        ) : null}
        <Card
          title="User rights"
          description="Rights this user holds directly, besides those of their roles. Changing them ends the user's sessions."
        >
          <UserRightsForm
            key={user.version}
            user={{ id: user.id, version: user.version, rights: direct }}
            canGrant={canAssignRoles}
            objects={canAssignRoles ? await objectChoices(actor) : {}}
            names={Object.fromEntries(names)}
          />
        </Card>
        <Card
          title="Effective rights"
          description="All rights this user holds, and where each comes from: their roles, or their own user rights."
        >
          <Table
            caption="Effective rights"
            empty={effectiveRights.length === 0 ? "This user holds no rights." : undefined}
            head={
              <>
                <Th>Object type</Th>
                <Th>Access</Th>
                <Th>Objects</Th>
                <Th>Granted by</Th>
              </>
            }
          >
            {effectiveRights.map((right) => (
              <tr key={`${right.objectType}:${right.access}:${right.objectId ?? "*"}`}>
                <Td>{OBJECT_TYPE_LABELS[right.objectType]}</Td>
                <Td>{ACCESS_LABELS[right.access]}</Td>
                <Td>{right.objectId ? (names.get(right.objectId) ?? "a deleted object") : "All"}</Td>
                <Td>{[...(right.direct ? ["User rights"] : []), ...right.roles].join(", ")}</Td>
              </tr>
            ))}
          </Table>
        </Card>
      </div>
    </>
  );
});
