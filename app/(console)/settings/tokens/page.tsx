import type { Metadata } from "next";
import { denyPage } from "@/components/ui/forbidden";
import { PageHead } from "@/components/ui/page-head";
import { ROLES } from "@/server/auth/policy";
import { refusal } from "@/server/auth/refusal";
import { getCtx } from "@/server/auth/session";
import { listRegions } from "@/server/compliance/regions";
import { isRoleAbove } from "@/server/tokens/scope";
import { listApiTokens } from "@/server/tokens/tokens";
import { CreateApiTokenForm } from "./_components/api-token-forms";
import { ApiTokenTable } from "./_components/api-token-table";
import { createOwnApiTokenAction, revokeApiTokenAction } from "./actions";

export const metadata: Metadata = { title: "API tokens" };

export default async function ApiTokensPage() {
  const ctx = await getCtx();
  const denied = denyPage(refusal(ctx, "satellites.read"));
  if (denied || !ctx.actor) return denied;
  const actor = ctx.actor;
  const [tokens, regions] = await Promise.all([listApiTokens(ctx), listRegions(ctx)]);
  // Offer only what this person may give a token: roles up to theirs, regions within their scope.
  const roles = ROLES.filter((r) => !isRoleAbove(r, actor.role));
  const offered = regions
    .filter((r) => !actor.regionIds || actor.regionIds.includes(r.id))
    .map((r) => ({ id: r.id, name: r.name }));
  return (
    <div className="page">
      <PageHead
        title="API tokens"
        description="Tokens let scripts and the orrery CLI call the API as you, with a role and regions no wider than yours. A token stops working when it expires, when you revoke it, or when your account is disabled or loses the role it carries."
      />
      <section className="card" aria-labelledby="create-token-heading">
        <div className="card-head">
          <h2 id="create-token-heading">Create a token</h2>
        </div>
        <div className="card-body">
          <CreateApiTokenForm
            action={createOwnApiTokenAction}
            roles={roles}
            regions={offered}
            scopeLabel={actor.regionIds ? `all your regions (${actor.regionIds.join(", ")})` : "every region"}
          />
        </div>
      </section>
      <section className="card" aria-labelledby="tokens-heading">
        <div className="card-head">
          <h2 id="tokens-heading">Your tokens</h2>
        </div>
        <ApiTokenTable
          tokens={tokens}
          revoke={revokeApiTokenAction}
          label="Your API tokens"
          empty={{
            title: "No API tokens yet",
            body: "Create one above to call the API from a script or the CLI.",
          }}
        />
      </section>
    </div>
  );
}
