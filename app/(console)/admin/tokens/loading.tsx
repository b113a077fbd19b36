import { ListSkeleton } from "@/components/tables/list-skeleton";

export default function Loading() {
  return (
    <ListSkeleton
      label="join tokens"
      columns={["Token", "Status", "Uses", "Bound to", "Expires", "Created by"]}
    />
  );
}
