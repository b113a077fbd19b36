import type { Metadata } from "next";
import { DataTable, type Column } from "@/components/tables/data-table";
import { denyPage } from "@/components/ui/forbidden";
import { PageHead } from "@/components/ui/page-head";
import { refusal } from "@/server/auth/refusal";
import { getCtx } from "@/server/auth/session";
import { listRegions } from "@/server/compliance/regions";
import { publicUrl } from "@/server/env";
import { listSsoMappings, type SsoMappingView } from "@/server/sso/mappings";
import { breakGlassEmail, isSsoOnly, ssoProviderViews, ssoSessionSeconds } from "@/server/sso/providers";
import { listTwoFactorUsers } from "@/server/twofactor/admin";
import { twoFactorRequirement } from "@/server/twofactor/policy";
import { CreateMappingForm, MappingRow } from "./_components/mapping-forms";
import { RequirementForm, ResetTwoFactorButton } from "./_components/two-factor-admin";
import {
  createSsoMappingAction,
  deleteSsoMappingAction,
  resetTwoFactorAction,
  setTwoFactorRequirementAction,
  updateSsoMappingAction,
} from "./actions";
import styles from "./sso.module.css";

export const metadata: Metadata = { title: "Admin · Single sign-on" };

const COLUMNS: Column<SsoMappingView>[] = [
  { id: "group", header: "Group" },
  { id: "role", header: "Role" },
  { id: "regions", header: "Region scope" },
  { id: "actions", header: <span className="sr-only">Actions</span>, isNumeric: true },
];

export default async function SsoPage() {
  const ctx = await getCtx();
  const denied = denyPage(refusal(ctx, "users.manage"));
  if (denied) return denied;
  const [mappings, regions, requirement, enrolled] = await Promise.all([
    listSsoMappings(ctx),
    listRegions(ctx),
    twoFactorRequirement(),
    listTwoFactorUsers(ctx),
  ]);
  const providers = ssoProviderViews();
  const nameOf = (id: string) => providers.find((p) => p.id === id)?.name ?? `${id} (no longer configured)`;
  const regionOptions = regions.map((r) => ({ id: r.id, name: r.name }));
  const hours = ssoSessionSeconds() / 3600;
  return (
    <div className="page">
      <PageHead
        title="Single sign-on"
        description="People sign in through your identity provider; their groups decide their role and region scope at every sign-in. A person in no mapped group has no access."
      />
      <section className="card" aria-labelledby="sso-providers">
        <div className="card-head">
          <h2 id="sso-providers">Identity providers</h2>
        </div>
        <div className={`card-body ${styles.providers}`}>
          {providers.length === 0 ? (
            <p className="muted">
              No provider is configured. Set ORRERY_OIDC_PROVIDERS (see the operations guide, “Single
              sign-on”) and restart Orrery.
            </p>
          ) : (
            providers.map((p) => (
              <dl key={p.id} className={styles.provider} aria-label={p.name}>
                <dt>Name</dt>
                <dd>
                  <strong>{p.name}</strong> <span className="muted">({p.id})</span>
                </dd>
                <dt>Issuer</dt>
                <dd>
                  <code>{p.issuer}</code>
                </dd>
                <dt>Redirect URI</dt>
                <dd>
                  <code>{`${publicUrl()}/api/auth/callback/${p.id}`}</code>
                </dd>
                <dt>Scopes · groups claim</dt>
                <dd>
                  <code>{p.scopes}</code> · <code>{p.groupsClaim}</code>
                </dd>
              </dl>
            ))
          )}
          <p className="muted">
            Sessions through single sign-on last {hours} h. Password sign-in is{" "}
            {isSsoOnly()
              ? `off, except for the break-glass account ${breakGlassEmail() ?? "(none set)"}`
              : "on for local accounts"}
            .
          </p>
        </div>
      </section>
      <section className="card" aria-labelledby="sso-mappings">
        <div className="card-head">
          <h2 id="sso-mappings">Group mappings</h2>
        </div>
        <DataTable
          columns={COLUMNS}
          rows={mappings}
          empty={{
            title: "No group is mapped yet",
            body: "Until one is, nobody can sign in through single sign-on.",
          }}
          rowKey={(m) => `${m.id}-${m.updatedAt}`}
          renderRow={(m) => (
            <MappingRow
              mapping={m}
              providerName={nameOf(m.provider)}
              regions={regionOptions}
              updateAction={updateSsoMappingAction}
              deleteAction={deleteSsoMappingAction}
            />
          )}
        />
      </section>
      <section className="card" aria-labelledby="two-factor">
        <div className="card-head">
          <h2 id="two-factor">Two-factor for local accounts</h2>
        </div>
        <div className="card-body grid" style={{ gap: 14 }}>
          <RequirementForm current={requirement} action={setTwoFactorRequirementAction} />
          <p className="muted">
            A person who must use two-factor and has none sets it up right after their password, at their next
            sign-in. Resetting turns it off and ends their sessions.
          </p>
          {enrolled.length === 0 ? (
            <p className="muted">Nobody has two-factor on yet.</p>
          ) : (
            <ul className={styles.enrolled} aria-label="Accounts with two-factor">
              {enrolled.map((u) => (
                <li key={u.id}>
                  <span>
                    {u.name} <span className="muted">{u.email}</span>
                  </span>
                  {u.id !== ctx.actor?.id && (
                    <ResetTwoFactorButton id={u.id} email={u.email} action={resetTwoFactorAction} />
                  )}
                </li>
              ))}
            </ul>
          )}
        </div>
      </section>
      {providers.length > 0 && (
        <section className="card" aria-labelledby="sso-new">
          <div className="card-head">
            <h2 id="sso-new">Map a group</h2>
          </div>
          <div className="card-body">
            <CreateMappingForm
              action={createSsoMappingAction}
              providers={providers.map(({ id, name }) => ({ id, name }))}
              regions={regionOptions}
            />
          </div>
        </section>
      )}
    </div>
  );
}
