import { describe, expect, it, vi } from "vitest";
import { closeOnBackdrop, closeOnEscape, closeOutside, type PopoverLike } from "./dismiss";

function popover(children: unknown[] = []) {
  const summary = { focus: vi.fn() };
  const p = {
    open: true,
    contains: (node: unknown) => node === p || children.includes(node),
    querySelector: () => summary,
    summary,
  };
  return p satisfies PopoverLike;
}

describe("popovers", () => {
  it("close on Escape, focus going back to the summary", () => {
    const a = popover();
    const b = popover();
    expect(closeOnEscape("Escape", [a, b])).toBe(true);
    expect([a.open, b.open]).toEqual([false, false]);
    expect(b.summary.focus).toHaveBeenCalled();
  });

  it("ignore other keys, and Escape with nothing open", () => {
    const a = popover();
    expect(closeOnEscape("Enter", [a])).toBe(false);
    expect(a.open).toBe(true);
    expect(closeOnEscape("Escape", [])).toBe(false);
  });

  it("close on a press outside them, and stay open for a press inside", () => {
    const checkbox = {};
    const a = popover([checkbox]);
    const b = popover();
    closeOutside(checkbox, [a, b]);
    expect([a.open, b.open]).toEqual([true, false]);
    closeOutside({}, [a]);
    expect(a.open).toBe(false);
  });
});

describe("modal dialogs", () => {
  const box = { left: 100, right: 500, top: 100, bottom: 400 };
  const dialog = () => ({ getBoundingClientRect: () => box, close: vi.fn() });

  it("close on a click on the backdrop", () => {
    const d = dialog();
    closeOnBackdrop(d, { x: 40, y: 200 }, [d]);
    expect(d.close).toHaveBeenCalledOnce();
  });

  it("stay open for a click on their padding or on anything inside them", () => {
    const d = dialog();
    closeOnBackdrop(d, { x: 120, y: 110 }, [d]);
    closeOnBackdrop({}, { x: 40, y: 200 }, [d]);
    expect(d.close).not.toHaveBeenCalled();
  });
});
