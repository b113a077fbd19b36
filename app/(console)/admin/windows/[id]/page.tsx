import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { denyPage } from "@/components/ui/forbidden";
import { PageHead } from "@/components/ui/page-head";
import { refusal } from "@/server/auth/refusal";
import { getCtx } from "@/server/auth/session";
import { listRegions } from "@/server/compliance/regions";
import { getWindow } from "@/server/windows/view";
import { deleteWindowAction, enableWindowAction, updateWindowAction } from "../actions";
import { WindowActions } from "../_components/window-actions";
import { WindowForm } from "../_components/window-form";

export const metadata: Metadata = { title: "Edit deployment window" };

export default async function EditWindowPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const ctx = await getCtx();
  const denied = denyPage(refusal(ctx, "windows.manage"));
  if (denied) return denied;
  const [window, regions] = await Promise.all([getWindow(ctx, id), listRegions(ctx)]);
  if (!window) notFound();
  return (
    <div className="page">
      <PageHead
        crumbs={[{ href: "/admin/windows", label: "Admin · Deployment windows" }]}
        title={window.name}
        description={`${window.summary}. ${window.enabled ? `Next: ${window.next}.` : "Disabled."}`}
      />
      <section className="card card-body">
        <WindowForm
          action={updateWindowAction}
          window={window}
          regions={regions.map((r) => ({ id: r.id, name: r.name }))}
        />
      </section>
      <section className="card card-body">
        <WindowActions window={window} enable={enableWindowAction} remove={deleteWindowAction} />
      </section>
    </div>
  );
}
