"use client";

/** The browser's print dialog, where "Save as PDF" gives the report as a document (see print-style.tsx). */
export function PrintButton() {
  return (
    <button type="button" className="btn" onClick={() => window.print()}>
      Print or save as PDF
    </button>
  );
}
