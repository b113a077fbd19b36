"use client";

import { useEffect } from "react";
import {
  closeOnBackdrop,
  closeOnEscape,
  closeOutside,
  DIALOG_SELECTOR,
  POPOVER_SELECTOR,
  type DialogLike,
  type PopoverLike,
} from "./dismiss";

const all = <T,>(selector: string) => [...document.querySelectorAll(selector)] as T[];

/**
 * Mounted once for the whole document (the root layout): popovers close on Escape and on a press outside,
 * modal dialogs on a click on their backdrop. One listener each, so no component needs its own.
 */
export function DismissLayer() {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      // Capture, and stop Escape here when it closed a menu: a dialog around the menu stays open.
      if (closeOnEscape(event.key, all<PopoverLike>(POPOVER_SELECTOR))) event.preventDefault();
    };
    // On the click, after the target had it: closing a tall menu on the press could shorten the page and move
    // the button under the pointer (a Save beside an open region list then never got its click).
    const onClick = (event: MouseEvent) => {
      closeOutside(event.target, all<PopoverLike>(POPOVER_SELECTOR));
      closeOnBackdrop(event.target, { x: event.clientX, y: event.clientY }, all<DialogLike>(DIALOG_SELECTOR));
    };
    document.addEventListener("keydown", onKey, true);
    document.addEventListener("click", onClick);
    return () => {
      document.removeEventListener("keydown", onKey, true);
      document.removeEventListener("click", onClick);
    };
  }, []);
  return null;
}
