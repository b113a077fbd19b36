import { redirect } from "next/navigation";

export default function AlertsIndex() {
  redirect("/alerts/active");
}
