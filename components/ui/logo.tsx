export function Logo({ size = 26 }: { size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 32 32" aria-hidden="true">
      <circle cx="16" cy="16" r="5" fill="var(--accent)" />
      <ellipse
        cx="16"
        cy="16"
        rx="14"
        ry="6"
        fill="none"
        stroke="var(--accent)"
        strokeWidth="2"
        transform="rotate(-25 16 16)"
      />
      <circle cx="28" cy="11" r="2.5" fill="#22c55e" />
    </svg>
  );
}
