import { Tabs } from "@/components/shell/tabs";
import { denyPage } from "@/components/ui/forbidden";
import { refusal } from "@/server/auth/refusal";
import { getCtx } from "@/server/auth/session";

const TABS = [
  { href: "/alerts/active", label: "Alerts" },
  { href: "/alerts/rules", label: "Rules" },
  { href: "/alerts/channels", label: "Channels" },
  { href: "/alerts/silences", label: "Silences" },
];

export default async function AlertsLayout({ children }: { children: React.ReactNode }) {
  // Convenience only: every page and action below authorizes again in server/.
  const denied = denyPage(refusal(await getCtx(), "alerts.read"));
  if (denied) return denied;
  return (
    <>
      <Tabs label="Alerts" items={TABS} />
      {children}
    </>
  );
}
