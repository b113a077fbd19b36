import { ListSkeleton } from "@/components/tables/list-skeleton";

export default function Loading() {
  return <ListSkeleton label="users" columns={["User", "Role", "Region scope", "Status", "Last sign-in"]} />;
}
