import { ListSkeleton } from "@/components/tables/list-skeleton";

export default function Loading() {
  return <ListSkeleton label="single sign-on" columns={["Group", "Role", "Region scope", ""]} />;
}
