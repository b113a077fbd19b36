"use client";

import { useEffect, useRef, type RefObject } from "react";
import { closeOnEscape, closeOutside, type PopoverLike } from "@/components/ui/dismiss";

/**
 * The popover rules of components/ui/dismiss.ts (Escape closes and hands focus back, a press outside
 * closes) for a panel whose open state is React's rather than a <details> element's: the phone's menu
 * drawer and filter sheet, which must stay open on wide screens. Focus moving out of it closes it too, so it
 * traps nothing. `inside` is the panel and the button that opens it; Escape focuses `returnTo`.
 */
export function useDismiss(
  isOpen: boolean,
  close: () => void,
  inside: RefObject<HTMLElement | null>[],
  returnTo: RefObject<HTMLElement | null>,
) {
  const latest = useRef({ close, inside, returnTo });
  useEffect(() => {
    latest.current = { close, inside, returnTo };
  });
  useEffect(() => {
    if (!isOpen) return;
    const panel: PopoverLike = {
      get open() {
        return true;
      },
      set open(value: boolean) {
        if (!value) latest.current.close();
      },
      contains: (node) =>
        latest.current.inside.some((r) => node instanceof Node && r.current?.contains(node)),
      querySelector: () => latest.current.returnTo.current,
    };
    const onKey = (event: KeyboardEvent) => {
      if (closeOnEscape(event.key, [panel])) event.preventDefault();
    };
    const onOutside = (event: Event) => closeOutside(event.target, [panel]);
    document.addEventListener("keydown", onKey);
    document.addEventListener("pointerdown", onOutside);
    document.addEventListener("focusin", onOutside);
    return () => {
      document.removeEventListener("keydown", onKey);
      document.removeEventListener("pointerdown", onOutside);
      document.removeEventListener("focusin", onOutside);
    };
  }, [isOpen]);
}
