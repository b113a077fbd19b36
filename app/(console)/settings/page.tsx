import { redirect } from "next/navigation";

/** Settings has one page so far; the account page will join it. */
export default function SettingsPage() {
  redirect("/settings/tokens");
}
