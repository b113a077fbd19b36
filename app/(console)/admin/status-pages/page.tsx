import type { Metadata } from "next";
import Link from "next/link";
import { TableFrame } from "@/components/tables/data-table";
import { denyPage } from "@/components/ui/forbidden";
import { PageHead } from "@/components/ui/page-head";
import { refusal } from "@/server/auth/refusal";
import { getCtx } from "@/server/auth/session";
import { listStatusPages, type StatusPageSummary } from "@/server/status/pages";

export const metadata: Metadata = { title: "Status pages" };

const TONE = { public: "ok", unlisted: "info", disabled: "" } as const;

function scope(p: StatusPageSummary): string {
  if (p.includeAll) return "The whole fleet";
  const parts = [
    p.regionIds.length ? `${p.regionIds.length} regions` : null,
    p.labels.length ? `labels ${p.labels.join(", ")}` : null,
    p.satelliteSlugs.length ? `${p.satelliteSlugs.length} satellites by hand` : null,
  ];
  return parts.filter(Boolean).join(" · ");
}

export default async function StatusPagesAdmin() {
  const ctx = await getCtx();
  const denied = denyPage(refusal(ctx, "status-pages.manage"));
  if (denied) return denied;
  const pages = await listStatusPages(ctx);
  return (
    <div className="page">
      <PageHead
        title="Status pages"
        description="Public pages, embeddable widgets, badges, JSON and Atom feeds generated from the inventory."
        actions={
          <Link className="btn primary" href="/admin/status-pages/new">
            New status page
          </Link>
        }
      />
      <section className="card">
        {pages.length === 0 ? (
          <div className="empty">
            <h2>No status pages yet</h2>
            <p>Create one to publish the fleet&apos;s status to customers and partners.</p>
          </div>
        ) : (
          <TableFrame>
            <thead>
              <tr>
                <th scope="col">Page</th>
                <th scope="col">Visibility</th>
                <th scope="col">Covers</th>
                <th scope="col">Detail</th>
                <th scope="col">Embeds from</th>
                <th scope="col" />
              </tr>
            </thead>
            <tbody>
              {pages.map((p) => (
                <tr key={p.id}>
                  <td>
                    <Link className="cell-main" href={`/admin/status-pages/${p.id}`}>
                      {p.title}
                    </Link>
                    <div className="cell-sub mono">/status/{p.slug}</div>
                  </td>
                  <td>
                    <span className={`pill plain ${TONE[p.visibility]}`}>{p.visibility}</span>
                  </td>
                  <td>{scope(p)}</td>
                  <td>{p.showSatellites ? "each satellite" : "region roll-ups"}</td>
                  <td className="cell-sub">{p.allowedOrigins.length ? p.allowedOrigins.join(", ") : "—"}</td>
                  <td>
                    {p.visibility !== "disabled" && (
                      <a
                        className="btn small"
                        href={`/status/${p.slug}${p.visibility === "unlisted" && p.secret ? `?key=${p.secret}` : ""}`}
                        target="_blank"
                        rel="noopener"
                      >
                        Open ↗
                      </a>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </TableFrame>
        )}
      </section>
    </div>
  );
}
