import type { Metadata } from "next";
import { denyPage } from "@/components/ui/forbidden";
import { PageHead } from "@/components/ui/page-head";
import { refusal } from "@/server/auth/refusal";
import { getCtx } from "@/server/auth/session";
import { listRegions } from "@/server/compliance/regions";
import { listWindows } from "@/server/windows/view";
import { createWindowAction } from "./actions";
import { WindowForm } from "./_components/window-form";
import { WindowTable } from "./_components/window-table";

export const metadata: Metadata = { title: "Admin · Deployment windows" };

export default async function WindowsPage() {
  const ctx = await getCtx();
  const denied = denyPage(refusal(ctx, "windows.manage"));
  if (denied) return denied;
  const [windows, regions] = await Promise.all([listWindows(ctx), listRegions(ctx)]);
  return (
    <div className="page">
      <PageHead
        title="Deployment windows"
        description="When satellites may be changed: rollouts wait for an allow window and stop for a freeze; commands are held until the window opens."
      />
      <section className="card">
        <WindowTable windows={windows} />
      </section>
      <section className="card">
        <div className="card-head">
          <h2>Create a window</h2>
        </div>
        <div className="card-body">
          <WindowForm
            action={createWindowAction}
            regions={regions.map((r) => ({ id: r.id, name: r.name }))}
          />
        </div>
      </section>
    </div>
  );
}
