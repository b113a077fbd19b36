import type { Metadata } from "next";
import { CreateUserForm, EditUserRow } from "@/components/forms/user-forms";
import { DataTable, type Column } from "@/components/tables/data-table";
import { denyPage } from "@/components/ui/forbidden";
import { PageHead } from "@/components/ui/page-head";
import { refusal } from "@/server/auth/refusal";
import { getCtx } from "@/server/auth/session";
import { listRegions } from "@/server/compliance/regions";
import { listUsers, type UserView } from "@/server/users/users";
import { createUserAction, setUserDisabledAction, updateUserAction } from "./actions";

export const metadata: Metadata = { title: "Admin · Users" };

const COLUMNS: Column<UserView>[] = [
  { id: "user", header: "User" },
  { id: "role", header: "Role" },
  { id: "regions", header: "Region scope" },
  { id: "status", header: "Status" },
  { id: "lastLogin", header: "Last sign-in" },
  { id: "actions", header: <span className="sr-only">Actions</span>, isNumeric: true },
];

export default async function UsersPage() {
  const ctx = await getCtx();
  const denied = denyPage(refusal(ctx, "users.manage"));
  if (denied) return denied;
  const [users, regions] = await Promise.all([listUsers(ctx), listRegions(ctx)]);
  const now = new Date();
  const regionOptions = regions.map((r) => ({ id: r.id, name: r.name }));
  return (
    <div className="page">
      <PageHead
        title="Users"
        description="Viewers read; operators command, roll out and run incidents (optionally only in some regions); admins manage everything."
      />
      <section className="card">
        <DataTable
          columns={COLUMNS}
          rows={users}
          rowKey={(u) => `${u.id}-${u.role}-${u.regionIds.join()}-${u.isDisabled}`}
          renderRow={(u) => (
            <EditUserRow
              user={u}
              regions={regionOptions}
              isSelf={u.id === ctx.actor?.id}
              updateAction={updateUserAction}
              disableAction={setUserDisabledAction}
              now={now}
            />
          )}
        />
      </section>
      <section className="card">
        <div className="card-head">
          <h2>Create a user</h2>
        </div>
        <div className="card-body">
          <CreateUserForm action={createUserAction} regions={regionOptions} />
        </div>
      </section>
    </div>
  );
}
