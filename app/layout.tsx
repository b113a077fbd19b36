import type { Metadata, Viewport } from "next";
import { headers } from "next/headers";
import { DismissLayer } from "@/components/ui/dismiss-layer";
import { HydrationMark } from "@/components/ui/hydration-mark";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Orrery", template: "%s · Orrery" },
  description: "One console for every satellite of a distributed cloud.",
  icons: { icon: "/favicon.svg" },
};

export const viewport: Viewport = {
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: "#f6f7f9" },
    { media: "(prefers-color-scheme: dark)", color: "#0d1117" },
  ],
};

// Sets the theme before the first paint so dark mode never flashes light.
const THEME_SCRIPT = `try{var t=localStorage.getItem("orrery-theme");if(t!=="light"&&t!=="dark")t=matchMedia("(prefers-color-scheme: dark)").matches?"dark":"light";document.documentElement.dataset.theme=t}catch(e){}`;

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // The proxy's per-request nonce: the policy runs no inline script without it. Reading headers also
  // renders every page per request, which a nonce needs (a prerendered page would carry none).
  const nonce = (await headers()).get("x-nonce") ?? undefined;
  return (
    <html lang="en" suppressHydrationWarning>
      <head>
        <script nonce={nonce} dangerouslySetInnerHTML={{ __html: THEME_SCRIPT }} />
      </head>
      <body>
        {children}
        <HydrationMark />
        <DismissLayer />
      </body>
    </html>
  );
}
