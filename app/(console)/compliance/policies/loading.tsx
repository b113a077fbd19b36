import { ListSkeleton } from "@/components/tables/list-skeleton";

export default function Loading() {
  return (
    <ListSkeleton
      label="policies"
      columns={["Policy", "Mode", "Severity", "Version", "Compliant", "Evidences"]}
    />
  );
}
