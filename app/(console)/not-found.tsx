import { NotFoundPanel } from "@/components/ui/not-found-panel";

/** A satellite, rollout, incident or other record that does not exist, inside the console's frame. */
export default function NotFound() {
  return (
    <div className="page">
      <NotFoundPanel
        links={[
          { href: "/", label: "Back to the overview" },
          { href: "/satellites", label: "Satellites" },
        ]}
      />
    </div>
  );
}
