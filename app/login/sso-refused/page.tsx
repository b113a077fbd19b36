import type { Metadata } from "next";
import Link from "next/link";
import { Logo } from "@/components/ui/logo";
import { ssoProvider } from "@/server/sso/providers";
import styles from "../login.module.css";

export const metadata: Metadata = { title: "No access" };

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? "";

/** Where a refused single sign-on lands. The query only chooses words: nothing here grants anything. */
export default async function SsoRefusedPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const query = await searchParams;
  const providerName = ssoProvider(first(query.provider))?.name ?? "your identity provider";
  const reason = first(query.reason);
  const groups = first(query.groups)
    .split("\n")
    .map((g) => g.trim())
    .filter(Boolean)
    .slice(0, 30);
  return (
    <main className={styles.login}>
      <div className={`card ${styles.box}`}>
        <div className={`row ${styles.title}`}>
          <Logo size={34} />
          <div>
            <h1>No access to Orrery</h1>
            <div className="muted">Signed in with {providerName}</div>
          </div>
        </div>
        {reason === "no-mapped-group" ? (
          <>
            <p>
              None of your groups at {providerName} gives access to Orrery. Ask an Orrery admin to map one of
              them to a role, or ask your identity team to add you to a mapped group.
            </p>
            {groups.length > 0 ? (
              <div>
                <strong>Groups {providerName} named</strong>
                <ul className={styles.groups} aria-label="Groups seen">
                  {groups.map((g) => (
                    <li key={g}>
                      <code>{g}</code>
                    </li>
                  ))}
                </ul>
              </div>
            ) : (
              <p className="muted">
                {providerName} named no groups at all: check that it sends the groups claim Orrery asks for.
              </p>
            )}
          </>
        ) : reason === "disabled" ? (
          <p>Your Orrery account is disabled. Ask an Orrery admin to enable it.</p>
        ) : reason === "email-taken" ? (
          <p>
            A local Orrery account already uses your email address, so single sign-on cannot take it over. Ask
            an Orrery admin to remove or rename the local account.
          </p>
        ) : (
          <p>{providerName} did not send an email address, so Orrery cannot create your account.</p>
        )}
        <Link className="btn" href="/login">
          Back to sign-in
        </Link>
      </div>
    </main>
  );
}
