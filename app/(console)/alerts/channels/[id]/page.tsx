import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ChannelForm } from "@/components/alerts/channel-form";
import { denyPage } from "@/components/ui/forbidden";
import { PageHead } from "@/components/ui/page-head";
import { listChannels } from "@/server/alerts/channels";
import { refusal } from "@/server/auth/refusal";
import { getCtx } from "@/server/auth/session";
import { updateChannelAction } from "../../actions";
import { channelFormOptions } from "../channel-options";

export const metadata: Metadata = { title: "Alerts · Edit channel" };

export default async function EditChannelPage({ params }: { params: Promise<{ id: string }> }) {
  const ctx = await getCtx();
  const denied = denyPage(refusal(ctx, "alerts.manage"));
  if (denied) return denied;
  const { id } = await params;
  const channel = (await listChannels(ctx)).find((c) => c.id === id);
  if (!channel) notFound();
  return (
    <div className="page">
      <PageHead title={`Edit “${channel.name}”`} crumbs={[{ href: "/alerts/channels", label: "Channels" }]} />
      <section className="card">
        <div className="card-body">
          <ChannelForm {...channelFormOptions()} action={updateChannelAction} channel={channel} />
        </div>
      </section>
    </div>
  );
}
