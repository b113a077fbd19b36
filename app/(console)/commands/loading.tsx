import { ListSkeleton } from "@/components/tables/list-skeleton";

export default function Loading() {
  return (
    <ListSkeleton
      label="commands"
      columns={["State", "Command", "Satellite", "Deliveries", "Issued by", "Issued", "Finished", "Result"]}
    />
  );
}
