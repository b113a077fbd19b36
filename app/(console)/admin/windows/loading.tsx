import { ListSkeleton } from "@/components/tables/list-skeleton";

export default function Loading() {
  return <ListSkeleton label="deployment windows" columns={["Window", "Kind", "Applies to", "Next"]} />;
}
