import type { Metadata } from "next";
import { NotFoundPanel } from "@/components/ui/not-found-panel";

export const metadata: Metadata = { title: "Not found" };

/** Any address no route knows, public or console: answered with HTTP 404 and Orrery's own page. */
export default function NotFound() {
  return (
    <main>
      <NotFoundPanel
        standalone
        links={[
          { href: "/", label: "Open the console" },
          { href: "/login", label: "Sign in" },
        ]}
      />
    </main>
  );
}
