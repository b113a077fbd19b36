import { DataTable, type Column } from "@/components/tables/data-table";
import { Time } from "@/components/ui/time";
import type { ActionResult } from "@/server/http/action";
import type { ApiTokenView } from "@/server/tokens/schemas";
import { RevokeApiTokenButton } from "./api-token-forms";
import styles from "./api-tokens.module.css";

type Revoke = (
  prev: ActionResult<ApiTokenView> | null,
  form: FormData,
) => Promise<ActionResult<ApiTokenView>>;

const TONE = { active: "ok", expired: "", revoked: "bad" } as const;

function columns(now: Date, revoke: Revoke, showOwner: boolean): Column<ApiTokenView>[] {
  const all: (Column<ApiTokenView> | null)[] = [
    {
      id: "token",
      header: "Token",
      card: "title",
      cell: (t) => (
        <>
          <div className="cell-main">{t.name}</div>
          <div className="cell-sub mono">{t.prefix}…</div>
        </>
      ),
    },
    showOwner
      ? { id: "owner", header: "Owner", cellClassName: "cell-sub", cell: (t) => t.owner.email }
      : null,
    {
      id: "status",
      header: "Status",
      card: "lead",
      cell: (t) => (
        <div className={styles.status}>
          <span className={`pill ${TONE[t.status]}`}>{t.status}</span>
          {t.revokedReason && <span className="cell-sub">{t.revokedReason}</span>}
        </div>
      ),
    },
    { id: "role", header: "Role", cell: (t) => t.role },
    {
      id: "regions",
      header: "Regions",
      cell: (t) =>
        t.regionIds ? (
          <span className="mono">{t.regionIds.join(", ")}</span>
        ) : (
          <span className="muted">all</span>
        ),
    },
    {
      id: "lastUsed",
      header: "Last used",
      cell: (t) =>
        t.lastUsedAt ? (
          <>
            <Time at={t.lastUsedAt} now={now} />
            {t.lastUsedIp && <div className="cell-sub mono">{t.lastUsedIp}</div>}
          </>
        ) : (
          <span className="muted">never</span>
        ),
    },
    {
      id: "expires",
      header: "Expires",
      cellClassName: "nowrap",
      // A revoked token's expiry no longer means anything.
      cell: (t) =>
        t.status === "revoked" ? <span className="muted">—</span> : <Time at={t.expiresAt} now={now} />,
    },
    {
      id: "actions",
      header: <span className="sr-only">Actions</span>,
      // No label in a phone's card: revoked rows have no button, and "Revoke" names itself.
      cardLabel: "",
      isNumeric: true,
      cell: (t) => t.status === "active" && <RevokeApiTokenButton token={t} action={revoke} />,
    },
  ];
  return all.filter((c): c is Column<ApiTokenView> => c !== null);
}

/** API tokens with their status and last use; active ones can be revoked. */
export function ApiTokenTable({
  tokens,
  revoke,
  showOwner = false,
  label,
  empty,
}: {
  tokens: ApiTokenView[];
  revoke: Revoke;
  showOwner?: boolean;
  label: string;
  empty: { title: string; body: string };
}) {
  return (
    <DataTable
      label={label}
      columns={columns(new Date(), revoke, showOwner)}
      rows={tokens}
      rowKey={(t) => `${t.id}-${t.status}`}
      rowLabel={(t) => `${t.name} (${t.prefix})`}
      empty={empty}
    />
  );
}
