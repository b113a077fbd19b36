import type { Metadata } from "next";
import { ComingNext } from "@/components/ui/coming-next";
import { denyPage } from "@/components/ui/forbidden";
import { getCtx } from "@/server/auth/session";

export const metadata: Metadata = { title: "Commands" };

export default async function CommandsPage() {
  const denied = denyPage(await getCtx(), "commands.read");
  if (denied) return denied;
  return (
    <ComingNext
      title="Commands"
      what="Commands sent to satellites — upgrades, restarts, cordons, diagnostics — with their delivery state, who issued them and their results will be listed here."
    />
  );
}
