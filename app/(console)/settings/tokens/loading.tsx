import { ListSkeleton } from "@/components/tables/list-skeleton";

export default function Loading() {
  return (
    <ListSkeleton
      label="API tokens"
      columns={["Token", "Status", "Role", "Regions", "Last used", "Expires"]}
    />
  );
}
