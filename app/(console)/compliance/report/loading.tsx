import { ListSkeleton } from "@/components/tables/list-skeleton";

export default function Loading() {
  return (
    <ListSkeleton
      label="the evidence report"
      columns={["Satellite", "Region", "Result", "Reason", "Since"]}
    />
  );
}
