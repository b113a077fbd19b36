"use client";

import { useLayoutEffect } from "react";

/**
 * Sets the reader's theme when the root layout's inline theme script did not run: Next renders a 404 from
 * notFound() in the browser, where an inline script in the layout never executes. Before paint, like the
 * script, and with the same rule: the stored choice, else the system's.
 */
export function ApplyTheme() {
  useLayoutEffect(() => {
    const root = document.documentElement;
    if (root.dataset.theme) return;
    let theme: string | null = null;
    try {
      theme = localStorage.getItem("orrery-theme");
    } catch {
      // Storage may be off; the system's preference still applies.
    }
    if (theme !== "light" && theme !== "dark") {
      theme = matchMedia("(prefers-color-scheme: dark)").matches ? "dark" : "light";
    }
    root.dataset.theme = theme;
  }, []);
  return null;
}
