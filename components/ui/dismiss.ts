// How popovers and dialogs close: Escape closes the open popovers (a <details> menu), a press outside one
// closes it, and a click on a modal dialog's backdrop closes the dialog. Escape already closes a modal
// <dialog> natively. Pure over a few DOM-shaped members, so the rules are tested without a browser.

/** The <details> menus that close like popovers: opt in with data-popover, or the shared region select. */
export const POPOVER_SELECTOR = "details[data-popover][open], details.region-select[open]";
/** Modal dialogs that close on their backdrop; `data-keep-open` opts one out (a form with unsaved work). */
export const DIALOG_SELECTOR = "dialog[open]:not([data-keep-open])";

export type PopoverLike = {
  open: boolean;
  contains(node: unknown): boolean;
  querySelector(selector: "summary"): { focus(): void } | null;
};
export type DialogLike = {
  getBoundingClientRect(): { left: number; right: number; top: number; bottom: number };
  close(): void;
};

/** Escape: closes every open popover and puts focus back on the last one's summary. True if any closed. */
export function closeOnEscape(key: string, open: readonly PopoverLike[]): boolean {
  if (key !== "Escape" || open.length === 0) return false;
  for (const popover of open) popover.open = false;
  open[open.length - 1].querySelector("summary")?.focus();
  return true;
}

/** A press anywhere: the open popovers that do not contain it close. */
export function closeOutside(target: unknown, open: readonly PopoverLike[]): void {
  for (const popover of open) if (!popover.contains(target)) popover.open = false;
}

/**
 * A click that lands on the dialog element itself but outside its box is on its ::backdrop (a click inside
 * the box, on its padding, also targets the dialog, so the point decides).
 */
export function closeOnBackdrop(
  target: unknown,
  point: { x: number; y: number },
  dialogs: readonly DialogLike[],
): void {
  for (const dialog of dialogs) {
    if (target !== dialog) continue;
    const box = dialog.getBoundingClientRect();
    const inside = point.x >= box.left && point.x <= box.right && point.y >= box.top && point.y <= box.bottom;
    if (!inside) dialog.close();
  }
}
