import type { Metadata } from "next";
import { HistoryLink } from "@/app/(console)/history/_components/history-link";
import { deleteRoleAction } from "@/app/(console)/roles/actions";
import { DeleteButton } from "@/components/forms/delete-button";
import { RoleForm } from "@/components/forms/role-form";
import { guardedPage } from "@/components/shell/guarded-page";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { Link } from "@/components/ui/link";
import { PageHeader } from "@/components/ui/page-header";
import { pageActor } from "@/lib/auth/page-actor";
import { objectChoices } from "@/lib/rights/objects";
import { roleCapabilities } from "@/lib/roles/permissions";
import { getRole } from "@/lib/roles/service";

export const metadata: Metadata = { title: "Role" };

export default guardedPage(async function RolePage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await pageActor();
  const { id } = await params;
  const role = await getRole(actor, id);
  const builtIn = !!role.builtIn;
  const may = roleCapabilities(actor, role);
  const canSave = may.modify;
  const canGrant = may.manageRights;
  const canDelete = may.delete;
  return (
    <>
      <PageHeader
        title={role.name}
        description={role.description}
        badges={
          <>
            {builtIn ? <Badge>Built-in</Badge> : null}
            {role.requiresSecondFactor ? <Badge tone="info">Second factor required</Badge> : null}
          </>
        }
        actions={
          <>
            <HistoryLink objectType="role" objectId={role.id} />
            {canDelete ? (
              <DeleteButton
                label="Delete role"
                what={`Role ${role.name}`}
                input={{ id: role.id, version: role.version }}
                action={deleteRoleAction}
                redirectTo="/roles"
              />
            ) : null}
          </>
        }
      />
      <div className="space-y-6">
        <Card
          title="Role"
          description={
            builtIn
              ? "Built-in roles cannot be changed or deleted; create a role of your own to combine other rights."
              : canSave
                ? undefined
                : "You may view this role but not change it."
          }
        >
          <RoleForm
            key={role.version}
            role={{
              id: role.id,
              version: role.version,
              name: role.name,
              description: role.description,
              requiresSecondFactor: role.requiresSecondFactor,
              rights: role.rights.map((r) => ({ objectType: r.objectType, access: r.access, objectId: r.objectId })),
            }}
            canSave={canSave}
            canGrant={canGrant}
            objects={await objectChoices(actor)}
          />
        </Card>
        <Card title="Users with this role">
          {role.users.length === 0 ? (
            <p className="text-sm text-slate-500">Nobody has this role.</p>
          ) : (
            <ul className="flex flex-wrap gap-2">
              {role.users.map(({ user }) => (
                <li key={user.id}>
                  <Link
                    href={`/users/${user.id}`}
                    className="rounded-md border border-slate-200 px-2.5 py-1 text-sm text-brand-700 hover:bg-slate-50"
                  >
                    {user.logonName}
                  </Link>
                </li>
              ))}
            </ul>
          )}
        </Card>
      </div>
    </>
  );
});
