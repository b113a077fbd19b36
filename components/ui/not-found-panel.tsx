import Link from "next/link";
import { ApplyTheme } from "./apply-theme";
import { Logo } from "./logo";
import styles from "./not-found-panel.module.css";

/**
 * What every unknown address shows, in the console and on public pages: Orrery's mark, what happened in
 * plain words, and a way on. The page answers HTTP 404; the theme is the reader's, set before paint.
 */
export function NotFoundPanel({
  title = "Nothing here",
  links,
  standalone = false,
}: {
  title?: string;
  links: { href: string; label: string }[];
  /** A whole page of its own (no console around it): centred on the screen. */
  standalone?: boolean;
}) {
  return (
    <div className={standalone ? styles.screen : styles.inline}>
      <ApplyTheme />
      <section className={`card ${styles.panel}`} aria-labelledby="not-found-title">
        <div className={styles.mark}>
          <Logo size={40} />
          <span className={styles.code}>404</span>
        </div>
        <h1 id="not-found-title">{title}</h1>
        <p>There is nothing at this address. The link may be old, or what it named was renamed or removed.</p>
        <nav className={styles.links} aria-label="Ways on">
          {links.map((l, i) => (
            <Link key={l.href} href={l.href} className={i === 0 ? "btn primary" : "btn"}>
              {l.label}
            </Link>
          ))}
        </nav>
      </section>
    </div>
  );
}
