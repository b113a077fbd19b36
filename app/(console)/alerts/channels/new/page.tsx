import type { Metadata } from "next";
import { ChannelForm } from "@/components/alerts/channel-form";
import { denyPage } from "@/components/ui/forbidden";
import { PageHead } from "@/components/ui/page-head";
import { refusal } from "@/server/auth/refusal";
import { getCtx } from "@/server/auth/session";
import { createChannelAction } from "../../actions";
import { channelFormOptions } from "../channel-options";

export const metadata: Metadata = { title: "Alerts · New channel" };

export default async function NewChannelPage() {
  const ctx = await getCtx();
  const denied = denyPage(refusal(ctx, "alerts.manage"));
  if (denied) return denied;
  return (
    <div className="page">
      <PageHead title="New channel" crumbs={[{ href: "/alerts/channels", label: "Channels" }]} />
      <section className="card">
        <div className="card-body">
          <ChannelForm {...channelFormOptions()} action={createChannelAction} />
        </div>
      </section>
    </div>
  );
}
