import type { Metadata } from "next";
import { CreateUserForm, EditUserRow } from "@/components/forms/user-forms";
import { denyPage } from "@/components/ui/forbidden";
import { PageHead } from "@/components/ui/page-head";
import { getCtx } from "@/server/auth/session";
import { listRegions } from "@/server/compliance/regions";
import { listUsers } from "@/server/users/users";
import { createUserAction, setUserDisabledAction, updateUserAction } from "./actions";

export const metadata: Metadata = { title: "Admin · Users" };

export default async function UsersPage() {
  const ctx = await getCtx();
  const denied = denyPage(ctx, "users.manage");
  if (denied) return denied;
  const [users, regions] = await Promise.all([listUsers(ctx), listRegions(ctx)]);
  const regionOptions = regions.map((r) => ({ id: r.id, name: r.name }));
  return (
    <div className="page">
      <PageHead
        title="Users"
        description="Viewers read; operators command, roll out and run incidents (optionally only in some regions); admins manage everything."
      />
      <section className="card">
        <div className="table-wrap">
          <table className="data">
            <thead>
              <tr>
                <th scope="col">User</th>
                <th scope="col">Role</th>
                <th scope="col">Region scope</th>
                <th scope="col">Status</th>
                <th scope="col">Last sign-in (UTC)</th>
                <th scope="col">
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {users.map((u) => (
                <EditUserRow
                  key={`${u.id}-${u.role}-${u.regionIds.join()}-${u.isDisabled}`}
                  user={u}
                  regions={regionOptions}
                  isSelf={u.id === ctx.actor?.id}
                  updateAction={updateUserAction}
                  disableAction={setUserDisabledAction}
                />
              ))}
            </tbody>
          </table>
        </div>
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
