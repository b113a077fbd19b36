// The report's print stylesheet: only the report, in the light palette, without the shell, the form or
// buttons, so the browser's "Save as PDF" gives a clean document. A <style> element because it reaches
// the console's shell, which a CSS module beside the report cannot name.
const PRINT_CSS = `
@media print {
  @page { margin: 14mm 12mm; }
  :root, :root[data-theme="dark"] {
    color-scheme: light;
    --bg: #fff; --surface: #fff; --surface-2: #fff; --border: #c9ced6; --border-strong: #9aa3ae;
    --text: #111; --text-2: #333; --text-3: #555;
    --accent: #3730a3; --accent-soft: #eef0ff; --ok: #166534; --ok-soft: #e7f6ec;
    --warn: #92400e; --warn-soft: #fdf3e3; --bad: #991b1b; --bad-soft: #fdecec;
    --muted-soft: #eef0f3; --info: #075985; --info-soft: #e6f3fa; --shadow: none;
  }
  html, body { background: #fff !important; }
  div:has(> #main) { display: block !important; }
  div:has(> #main) > :not(#main), [data-print="hide"] { display: none !important; }
  #main { padding: 0 !important; overflow: visible !important; }
  .card { break-inside: auto; box-shadow: none !important; }
  tr, li { break-inside: avoid; }
  h2, h3 { break-after: avoid; }
  a { color: inherit !important; text-decoration: none !important; }
}
`;

export function ReportPrintStyle() {
  return <style>{PRINT_CSS}</style>;
}
