"use client";

import { usePathname } from "next/navigation";
import { useEffect, useRef, useState, type ReactNode } from "react";
import styles from "./shell-menu.module.css";
import { useDismiss } from "./use-dismiss";

/**
 * The console's sidebar, which on a phone hides behind a Menu button in a top bar and opens as a drawer.
 * Following a link, Escape, a click outside or moving focus out of it closes it; it traps nothing.
 */
export function ShellMenu({
  brand,
  className,
  children,
}: {
  /** The brand link, shown in the phone's top bar (the sidebar carries its own on wide screens). */
  brand: ReactNode;
  /** The sidebar's own look (the layout's module). */
  className?: string;
  children: ReactNode;
}) {
  const pathname = usePathname();
  // Open on the page it was opened on: navigating anywhere closes it without an effect.
  const [openOn, setOpenOn] = useState<string | null>(null);
  const isOpen = openOn === pathname;
  const panel = useRef<HTMLElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  useDismiss(isOpen, () => setOpenOn(null), [panel, button], button);
  useEffect(() => {
    if (isOpen) panel.current?.querySelector<HTMLElement>("a[href]")?.focus();
  }, [isOpen]);
  return (
    <>
      <header className={styles.topbar}>
        {brand}
        <button
          ref={button}
          type="button"
          className={`btn ${styles.menuButton}`}
          aria-expanded={isOpen}
          aria-controls="console-menu"
          onClick={() => setOpenOn(isOpen ? null : pathname)}
        >
          <svg viewBox="0 0 24 24" aria-hidden="true">
            <path d="M4 7h16M4 12h16M4 17h16" />
          </svg>
          Menu
        </button>
      </header>
      {isOpen && <div className={styles.backdrop} aria-hidden="true" />}
      <aside
        ref={panel}
        id="console-menu"
        aria-label="Console"
        className={[className, styles.drawer].filter(Boolean).join(" ")}
        data-open={isOpen || undefined}
      >
        {children}
      </aside>
    </>
  );
}
