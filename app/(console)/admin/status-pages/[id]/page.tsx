import type { Metadata } from "next";
import { StatusPageButtonForm, StatusPageForm } from "@/components/forms/status-page-form";
import { CopySnippet } from "@/components/ui/copy-snippet";
import { denyPage } from "@/components/ui/forbidden";
import { PageHead } from "@/components/ui/page-head";
import { refusal } from "@/server/auth/refusal";
import { getCtx } from "@/server/auth/session";
import { publicUrl } from "@/server/env";
import { listRegions } from "@/server/compliance/regions";
import { isAppError } from "@/server/errors";
import { getSnapshot } from "@/server/status/cache";
import { getStatusPage } from "@/server/status/pages";
import { listPins } from "@/server/status/pins";
import type { StatusSnapshot } from "@/server/status/snapshot";
import { deleteStatusPageAction, rotateStatusPageSecretAction, updateStatusPageAction } from "../actions";
import { notFound } from "next/navigation";
import { PinsSection } from "./_components/pins";
import { CustomHostForm } from "./_components/custom-host-form";
import { setCustomHostAction } from "./actions";
import { configuredHosts } from "@/server/status/v2/hosts";
import { failingSubscriberCount } from "@/server/subscribers/admin";

export const metadata: Metadata = { title: "Status page" };

/**
 * Tall enough to show the whole widget, which lists every region and up to three incidents: a fixed
 * height cut a fleet-wide page off halfway. The sizes follow the widget's own CSS, with room to spare.
 */
function widgetHeight(snapshot: StatusSnapshot | null): number {
  if (!snapshot) return 520;
  const regionRows = Math.max(1, snapshot.document.regions.length);
  const incidentRows = Math.min(3, snapshot.document.activeIncidents.length);
  return 100 + 25 * regionRows + (incidentRows ? 14 + 36 * incidentRows : 0);
}

type Props = {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export default async function EditStatusPage({ params, searchParams }: Props) {
  const ctx = await getCtx();
  const denied = denyPage(refusal(ctx, "status-pages.manage"));
  if (denied) return denied;
  const { id } = await params;
  const flags = await searchParams;
  const page = await getStatusPage(ctx, id).catch((error: unknown) => {
    if (isAppError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  const now = new Date();
  const [regions, snapshot, pins, failing] = await Promise.all([
    listRegions(ctx),
    page.visibility === "disabled" ? null : getSnapshot(page.slug),
    listPins(ctx, page.id, now),
    failingSubscriberCount(ctx, page.id),
  ]);
  // Regions a pin can name: those the page shows, or those it selects while nothing is shown.
  const shown = snapshot?.document.regions.map((r) => r.id) ?? [];
  const pinnable = regions.filter((r) =>
    shown.length ? shown.includes(r.id) : page.includeAll || page.regionIds.includes(r.id),
  );
  // Snippets people paste elsewhere use the configured address, never this request's Host.
  const base = publicUrl();
  const hosts = configuredHosts();
  const key = page.visibility === "unlisted" && page.secret ? `?key=${page.secret}` : "";
  const withKey = (extra: string) => (key ? `${key}&${extra}` : `?${extra}`);
  return (
    <div className="page">
      <PageHead
        crumbs={[{ href: "/admin/status-pages", label: "Admin · Status pages" }]}
        title={page.title}
        description={`/status/${page.slug} · ${page.visibility}`}
        actions={
          <>
            <a className="btn" href={`/admin/status-pages/${page.id}/subscribers`}>
              Subscribers
            </a>
            {page.visibility !== "disabled" && (
              <a className="btn" href={`/status/${page.slug}${key}`} target="_blank" rel="noopener">
                Open page ↗
              </a>
            )}
          </>
        }
      />
      {failing > 0 && (
        <div role="alert" className="alert error">
          {failing === 1 ? "One subscriber's" : `${failing} subscribers'`} deliveries keep failing.{" "}
          <a href={`/admin/status-pages/${page.id}/subscribers`}>See the delivery log</a>
        </div>
      )}
      {flags.saved && (
        <div role="status" className="alert ok">
          Saved. The public page, widget, badge and feed show the change at once.
        </div>
      )}
      {flags.rotated && (
        <div role="status" className="alert ok">
          The secret link was replaced; the old one no longer works.
        </div>
      )}
      {flags.host && (
        <div role="status" className="alert ok">
          {page.customHost
            ? `Saved. The page now also answers at https://${page.customHost}/.`
            : "Saved. The page no longer answers on a custom host."}
        </div>
      )}
      {(flags.pinned || flags.unpinned) && (
        <div role="status" className="alert ok">
          {flags.pinned ? "Pinned." : "The pin was cleared."} The public page shows it at once.
        </div>
      )}
      {page.visibility === "disabled" ? (
        <div className="alert info">
          This page is disabled: its URLs answer 404 until it is made public or unlisted.
        </div>
      ) : (
        <section className="card">
          <div className="card-head">
            <h2>Share and embed</h2>
          </div>
          <div className="card-body grid grid-2" style={{ alignItems: "start" }}>
            <div className="snippets">
              <CopySnippet label="Public page" text={`${base}/status/${page.slug}${key}`} />
              <CopySnippet
                label="Embed widget (iframe)"
                text={`<iframe src="${base}/embed/status/${page.slug}${key}" title="${page.title} status" width="360" height="280" style="border:0"></iframe>`}
              />
              <CopySnippet
                label="Badge (Markdown)"
                text={`[![${page.title} status](${base}/api/status/${page.slug}/badge.svg${key})](${base}/status/${page.slug}${key})`}
              />
              <CopySnippet
                label="Badge for one region"
                text={`${base}/api/status/${page.slug}/badge.svg${withKey(`region=${page.regionIds[0] ?? "eu-gdpr"}`)}`}
              />
              <CopySnippet label="JSON" text={`${base}/api/status/${page.slug}${key}`} />
              <CopySnippet label="Atom feed" text={`${base}/status/${page.slug}/feed.atom${key}`} />
              <CopySnippet
                label="Statuspage v2 API (summary)"
                text={`${page.customHost ? `https://${page.customHost}` : `${base}/status/${page.slug}`}/api/v2/summary.json${key}`}
              />
              {page.visibility === "unlisted" && (
                <StatusPageButtonForm
                  action={rotateStatusPageSecretAction}
                  id={page.id}
                  label="Replace the secret link"
                  confirm="Replace the secret link? Everyone with the old link loses access."
                />
              )}
            </div>
            <div>
              <div className="snippet">
                <label>Widget preview</label>
              </div>
              <iframe
                src={`/embed/status/${page.slug}${key}`}
                title={`${page.title} status widget preview`}
                width="360"
                height={widgetHeight(snapshot)}
                style={{ border: 0, maxWidth: "100%", display: "block" }}
              />
              <p className="muted small">
                Other sites can frame the widget only from the origins listed below; every other page of
                Orrery refuses to be framed.
              </p>
            </div>
          </div>
        </section>
      )}
      <PinsSection
        statusPageId={page.id}
        pins={pins}
        regions={pinnable.map((r) => ({ id: r.id, name: r.name }))}
        now={now.toISOString()}
      />
      <section className="card" id="custom-host">
        <div className="card-head">
          <h2>Custom host</h2>
        </div>
        <div className="card-body">
          {hosts.length ? (
            <CustomHostForm
              action={setCustomHostAction}
              statusPageId={page.id}
              hosts={hosts}
              current={page.customHost ?? null}
            />
          ) : (
            <p className="muted">
              No custom hosts are configured. An operator lists the host names status pages may use in
              STATUS_CUSTOM_HOSTS (docs/operations.md).
            </p>
          )}
        </div>
      </section>
      <section className="card card-body">
        <StatusPageForm
          action={updateStatusPageAction}
          initial={page}
          regions={regions.map((r) => ({ id: r.id, name: r.name, color: r.color }))}
          submitLabel="Save status page"
        />
      </section>
      <section className="card card-body">
        <StatusPageButtonForm
          action={deleteStatusPageAction}
          id={page.id}
          label="Delete status page"
          confirm={`Delete ${page.title}? Its URLs will answer 404 and embeds will break.`}
          danger
        />
      </section>
    </div>
  );
}
