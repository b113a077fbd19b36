/**
 * A compliance region as every page shows it: its colour swatch, then its id (or its name), with the other
 * one on hover. Without a colour the swatch is a neutral outline, never missing, so rows stay aligned.
 */
export function RegionTag({
  id,
  name,
  color,
  isNamed = false,
  isRetired = false,
}: {
  id: string;
  name?: string;
  color?: string;
  /** Shows the name instead of the id (the id stays on hover). */
  isNamed?: boolean;
  isRetired?: boolean;
}) {
  const text = isNamed && name ? name : id;
  const title = [isNamed ? id : name, isRetired ? "retired" : null].filter(Boolean).join(" · ");
  return (
    <span className="nowrap" title={title || undefined}>
      <span
        className="swatch"
        aria-hidden="true"
        style={{
          background: color ?? "transparent",
          outline: color ? undefined : "1px solid var(--border-strong)",
        }}
      />
      {text}
      {isRetired && <span className="muted"> (retired)</span>}
    </span>
  );
}
