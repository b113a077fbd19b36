import type { Metadata } from "next";
import Link from "next/link";
import { CreateJoinTokenForm, RevokeJoinTokenButton } from "@/components/forms/join-token-forms";
import { denyPage } from "@/components/ui/forbidden";
import { PageHead } from "@/components/ui/page-head";
import { listJoinTokens } from "@/server/agents/join-tokens";
import { getCtx } from "@/server/auth/session";
import { createJoinTokenAction, revokeJoinTokenAction } from "./actions";

export const metadata: Metadata = { title: "Admin · Join tokens" };

const TONE = { active: "ok", expired: "", "used up": "info", revoked: "bad" } as const;

export default async function JoinTokensPage() {
  const ctx = await getCtx();
  const denied = denyPage(ctx, "tokens.manage");
  if (denied) return denied;
  const tokens = await listJoinTokens(ctx);
  return (
    <div className="page">
      <PageHead
        title="Join tokens"
        description="An agent enrolls once with a join token and gets its own agent token. Join tokens are shown once and stored only as hashes."
      />
      <section className="card">
        <div className="card-head">
          <h2>Create a join token</h2>
        </div>
        <div className="card-body">
          <CreateJoinTokenForm action={createJoinTokenAction} />
          <p className="muted" style={{ marginBottom: 0 }}>
            From a shell: <code>npm run token:join -- --uses 10 --expires 24h</code>
          </p>
        </div>
      </section>
      <section className="card">
        {tokens.length === 0 ? (
          <div className="empty">
            <h2>No join tokens yet</h2>
            <p>Create one above to enroll a satellite&apos;s agent.</p>
          </div>
        ) : (
          <div className="table-wrap">
            <table className="data">
              <thead>
                <tr>
                  <th scope="col">Token</th>
                  <th scope="col">Status</th>
                  <th scope="col" className="num">
                    Uses
                  </th>
                  <th scope="col">Bound to</th>
                  <th scope="col">Expires (UTC)</th>
                  <th scope="col">Created by</th>
                  <th scope="col">
                    <span className="sr-only">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {tokens.map((t) => (
                  <tr key={t.id}>
                    <td>
                      <span className="mono">orr_join_{t.hint}</span>
                      {t.note && <div className="cell-sub">{t.note}</div>}
                    </td>
                    <td>
                      <span className={`pill ${TONE[t.status]}`}>{t.status}</span>
                    </td>
                    <td className="num">
                      {t.uses} / {t.maxUses}
                    </td>
                    <td>
                      {t.satellite ? (
                        <Link href={`/satellites/${t.satellite.slug}`}>{t.satellite.slug}</Link>
                      ) : (
                        <span className="muted">any new satellite</span>
                      )}
                    </td>
                    <td className="mono cell-sub">{t.expiresAt.replace("T", " ").slice(0, 16)}</td>
                    <td className="cell-sub">{t.createdBy ?? "system"}</td>
                    <td className="num">
                      {t.status === "active" && (
                        <RevokeJoinTokenButton id={t.id} hint={t.hint} action={revokeJoinTokenAction} />
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  );
}
