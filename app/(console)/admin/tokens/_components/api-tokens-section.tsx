import Link from "next/link";
import { CreateApiTokenForm } from "@/app/(console)/settings/tokens/_components/api-token-forms";
import { ApiTokenTable } from "@/app/(console)/settings/tokens/_components/api-token-table";
import { ROLES } from "@/server/auth/policy";
import type { Ctx } from "@/server/auth/context";
import { listRegions } from "@/server/compliance/regions";
import { listApiTokens } from "@/server/tokens/tokens";
import { listUsers } from "@/server/users/users";
import { createApiTokenForUserAction, revokeAnyApiTokenAction } from "../actions";

/** Every user's API tokens, newest first, with a form to make one for someone. */
export async function ApiTokensSection({ ctx }: { ctx: Ctx }) {
  const [tokens, users, regions] = await Promise.all([
    listApiTokens(ctx, { all: true }),
    listUsers(ctx),
    listRegions(ctx),
  ]);
  const people = users
    .filter((u) => !u.isDisabled && u.id !== ctx.actor?.id)
    .map((u) => ({ id: u.id, email: u.email, role: u.role }));
  const active = tokens.filter((t) => t.status === "active").length;
  return (
    <>
      <section className="card" aria-labelledby="api-tokens-heading">
        <div className="card-head">
          <h2 id="api-tokens-heading">API tokens</h2>
          <span className="muted small">
            {active} active of {tokens.length}
          </span>
        </div>
        <ApiTokenTable
          tokens={tokens}
          revoke={revokeAnyApiTokenAction}
          showOwner
          label="API tokens of every user"
          empty={{
            title: "No API tokens yet",
            body: "People create their own under API tokens in their settings; you can create one for anyone below.",
          }}
        />
      </section>
      <section className="card" aria-labelledby="create-api-token-heading">
        <div className="card-head">
          <h2 id="create-api-token-heading">Create an API token for a user</h2>
        </div>
        <div className="card-body">
          <CreateApiTokenForm
            action={createApiTokenForUserAction}
            roles={ROLES}
            regions={regions.map((r) => ({ id: r.id, name: r.name }))}
            scopeLabel="every region the owner may act in"
            people={people}
          />
          <p className="muted" style={{ marginBottom: 0 }}>
            Your own tokens are also under <Link href="/settings/tokens">API tokens</Link> in your settings.
          </p>
        </div>
      </section>
    </>
  );
}
