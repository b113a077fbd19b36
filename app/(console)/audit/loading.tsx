import { ListSkeleton } from "@/components/tables/list-skeleton";

export default function Loading() {
  return (
    <ListSkeleton
      label="the audit log"
      columns={["When", "Actor", "Action", "Target", "What happened", "From"]}
    />
  );
}
