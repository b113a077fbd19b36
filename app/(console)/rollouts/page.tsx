import type { Metadata } from "next";
import { ComingNext } from "@/components/ui/coming-next";
import { denyPage } from "@/components/ui/forbidden";
import { getCtx } from "@/server/auth/session";

export const metadata: Metadata = { title: "Rollouts" };

export default async function RolloutsPage() {
  const denied = denyPage(await getCtx(), "rollouts.read");
  if (denied) return denied;
  return (
    <ComingNext
      title="Rollouts"
      what="Staged rollouts of a release in waves — canary first, with bake times and a health gate that pauses them by itself — will be planned and watched here."
    />
  );
}
