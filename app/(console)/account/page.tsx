import type { Metadata } from "next";
import Link from "next/link";
import { PageHead } from "@/components/ui/page-head";
import { Time } from "@/components/ui/time";
import { RegenerateCodesForm } from "@/app/login/two-factor/enrol-form";
import { regenerateRecoveryCodesAction } from "@/app/login/two-factor/actions";
import { DataTable, type Column } from "@/components/tables/data-table";
import { currentSessionId, getCtx } from "@/server/auth/session";
import { listMySessions, type UserSessionView } from "@/server/auth/user-sessions";
import { listApiTokens } from "@/server/tokens/tokens";
import type { ApiTokenView } from "@/server/tokens/schemas";
import { twoFactorState } from "@/server/twofactor/enrolment";
import { mustUseTwoFactor, twoFactorRequirement } from "@/server/twofactor/policy";
import { endSessionAction } from "./actions";
import { EndSessionButton } from "./end-session-button";

export const metadata: Metadata = { title: "Your account" };

const SESSION_COLUMNS: Column<UserSessionView>[] = [
  {
    id: "device",
    header: "Device",
    cell: (s) => (
      <>
        <div className="cell-main">{s.device}</div>
        {s.isCurrent && <div className="cell-sub">this browser</div>}
      </>
    ),
  },
  { id: "ip", header: "Address", cell: (s) => s.ip ?? "unknown" },
  { id: "seen", header: "Last seen", cell: (s) => <Time at={s.lastSeenAt} /> },
  { id: "since", header: "Signed in", cell: (s) => <Time at={s.createdAt} /> },
  {
    id: "end",
    header: <span className="sr-only">Actions</span>,
    cardLabel: "Actions",
    isNumeric: true,
    cell: (s) =>
      s.isCurrent ? null : <EndSessionButton id={s.id} device={s.device} action={endSessionAction} />,
  },
];

const TOKEN_COLUMNS: Column<ApiTokenView>[] = [
  {
    id: "name",
    header: "Token",
    cell: (t) => (
      <>
        <div className="cell-main">{t.name}</div>
        <div className="cell-sub mono">{t.prefix}…</div>
      </>
    ),
  },
  {
    id: "role",
    header: "Role",
    cell: (t) => `${t.role}${t.regionIds ? ` · ${t.regionIds.join(", ")}` : ""}`,
  },
  { id: "used", header: "Last used", cell: (t) => (t.lastUsedAt ? <Time at={t.lastUsedAt} /> : "never") },
  { id: "expires", header: "Expires", cell: (t) => <Time at={t.expiresAt} /> },
];

export default async function AccountPage() {
  const ctx = await getCtx();
  // The console layout sends anyone signed out to /login; tokens and agents have no account page.
  if (ctx.actor?.kind !== "user") return null;
  const [state, requirement, sessions, tokens] = await Promise.all([
    twoFactorState(ctx.actor.id),
    twoFactorRequirement(),
    currentSessionId().then((sid) => listMySessions(ctx, sid)),
    listApiTokens(ctx),
  ]);
  const activeTokens = tokens.filter((t) => t.status === "active");
  const isRequired = mustUseTwoFactor(ctx.actor.role, requirement);
  return (
    <div className="page">
      <PageHead
        title="Your account"
        description={`${ctx.actor.name} · ${ctx.actor.email} · ${ctx.actor.role}`}
      />
      <section className="card" aria-labelledby="account-2fa">
        <div className="card-head">
          <h2 id="account-2fa">Two-factor</h2>
          {state.isEnabled ? <span className="pill ok">on</span> : <span className="pill">off</span>}
        </div>
        <div className="card-body grid" style={{ gap: 12 }}>
          {state.isSso ? (
            <p className="muted">
              You sign in through single sign-on: your identity provider asks for a second factor.
            </p>
          ) : state.isEnabled ? (
            <>
              <p>
                On since {state.enabledAt && <Time at={state.enabledAt} />}. {state.recoveryCodesLeft} of 10
                recovery codes left.
              </p>
              <RegenerateCodesForm action={regenerateRecoveryCodesAction} />
            </>
          ) : (
            <>
              <p className="muted">
                {isRequired
                  ? "An admin requires two-factor for your account: you will set it up at your next sign-in."
                  : "Ask for a code from your phone at every sign-in, so a stolen password is not enough."}
              </p>
              <div>
                <Link className="btn primary" href="/account/two-factor">
                  Set up two-factor
                </Link>
              </div>
            </>
          )}
        </div>
      </section>
      <section className="card" aria-labelledby="account-sessions">
        <div className="card-head">
          <h2 id="account-sessions">Where you are signed in</h2>
        </div>
        <DataTable
          columns={SESSION_COLUMNS}
          rows={sessions}
          rowKey={(s) => s.id}
          empty={{ title: "No recorded sessions", body: "Sessions are listed from your next sign-in." }}
        />
      </section>
      <section className="card" aria-labelledby="account-tokens">
        <div className="card-head">
          <h2 id="account-tokens">Your API tokens</h2>
          <Link href="/settings/tokens" className="small">
            Manage API tokens
          </Link>
        </div>
        <DataTable
          columns={TOKEN_COLUMNS}
          rows={activeTokens}
          rowKey={(t) => t.id}
          empty={{ title: "No active API tokens", body: "Scripts and the orrery CLI sign in with one." }}
        />
      </section>
    </div>
  );
}
