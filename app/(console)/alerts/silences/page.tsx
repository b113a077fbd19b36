import type { Metadata } from "next";
import { ConfirmButton } from "@/components/alerts/buttons";
import { SilenceForm } from "@/components/alerts/silence-form";
import { DataTable, type Column } from "@/components/tables/data-table";
import { denyPage } from "@/components/ui/forbidden";
import { PageHead } from "@/components/ui/page-head";
import { Time } from "@/components/ui/time";
import { firstParam, type SearchParams } from "@/lib/search-params";
import { listRules } from "@/server/alerts/rules";
import { listSilences, silenceScope, type SilenceView } from "@/server/alerts/silences";
import { mayDo } from "@/server/auth/context";
import { refusal } from "@/server/auth/refusal";
import { getCtx } from "@/server/auth/session";
import { listRegions } from "@/server/compliance/regions";
import { cancelSilenceAction, createSilenceAction } from "../actions";

export const metadata: Metadata = { title: "Alerts · Silences" };

function columns(canSilence: boolean, now: Date): Column<SilenceView>[] {
  const cols: Column<SilenceView>[] = [
    {
      id: "scope",
      header: "Holds back",
      cell: (s) => (
        <>
          <strong>{silenceScope(s)}</strong>
          <div className="cell-sub">{s.reason}</div>
        </>
      ),
    },
    {
      id: "state",
      header: "State",
      cell: (s) =>
        s.isActive ? (
          <span className="pill warn">active</span>
        ) : (
          <span className="pill">{s.cancelledAt ? "ended early" : "expired"}</span>
        ),
    },
    {
      id: "until",
      header: "Until",
      cellClassName: "nowrap",
      cell: (s) => <Time at={s.cancelledAt ?? s.expiresAt} now={now} />,
    },
    { id: "by", header: "Set by", cellClassName: "cell-sub", cell: (s) => s.createdBy ?? "system" },
  ];
  if (!canSilence) return cols;
  return [
    ...cols,
    {
      id: "actions",
      header: <span className="sr-only">Actions</span>,
      isNumeric: true,
      cell: (s) =>
        s.isActive && (
          <ConfirmButton
            action={cancelSilenceAction}
            id={s.id}
            label="End now"
            ariaLabel={`End the silence ${s.reason}`}
            confirm="End this silence now? Alerts it held back are sent at once if they still fire."
          />
        ),
    },
  ];
}

export default async function SilencesPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const ctx = await getCtx();
  const denied = denyPage(refusal(ctx, "alerts.read"));
  if (denied) return denied;
  const params = await searchParams;
  const canSilence = mayDo(ctx, "alerts.silence");
  const [silences, rules, regions] = await Promise.all([listSilences(ctx), listRules(ctx), listRegions(ctx)]);
  return (
    <div className="page">
      <PageHead
        title="Silences"
        description="A silence holds notifications back until it expires, for a rule, a region, a satellite or everything. Alerts keep firing on the Alerts tab, marked silenced."
      />
      {canSilence && (
        <section className="card" id="new-silence">
          <div className="card-head">
            <h2>Set a silence</h2>
          </div>
          <div className="card-body">
            <SilenceForm
              action={createSilenceAction}
              rules={rules.map((r) => ({ id: r.id, name: r.name }))}
              regions={regions.map((r) => ({ id: r.id, name: r.name }))}
              preset={{
                ruleId: firstParam(params.ruleId),
                regionId: firstParam(params.regionId),
                satellite: firstParam(params.satellite),
              }}
            />
          </div>
        </section>
      )}
      <section className="card">
        <div className="card-head">
          <h2>Active and recent</h2>
        </div>
        <DataTable
          label="Silences"
          columns={columns(canSilence, new Date())}
          rows={silences}
          rowKey={(s) => s.id}
          empty={{
            title: "No silences",
            body: "Set one above before planned work, so the people on call are not paged for it.",
          }}
        />
      </section>
    </div>
  );
}
