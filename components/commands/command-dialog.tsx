"use client";

import { useRef, useState } from "react";
import { releaseOptionsAction, type ReleaseOption } from "@/app/(console)/commands/actions";
import { formatNumber } from "@/lib/format";
import { CommandComposer, type CommandTarget } from "./command-composer";
import styles from "./commands.module.css";

/**
 * "Command these N…": a button that opens the composer in a dialog for a selection of satellites. The
 * composer mounts on each opening, so every dialog starts from a clean form and a fresh idempotency key.
 */
export function CommandDialogButton({
  count,
  target,
  releases,
  className = "btn",
}: {
  count: number;
  target: CommandTarget;
  /** When the page did not load them, they are fetched on first opening. */
  releases?: ReleaseOption[];
  className?: string;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [isOpen, setOpen] = useState(false);
  const [loaded, setLoaded] = useState<ReleaseOption[] | null>(releases ?? null);
  const noun = count === 1 ? "satellite" : "satellites";

  function open() {
    dialog.current?.showModal();
    setOpen(true);
    if (loaded) return;
    releaseOptionsAction()
      .then((result) => {
        if (result.ok) setLoaded(result.data);
      })
      .catch(() => undefined); // the release field falls back to typing a version
  }

  return (
    <>
      <button type="button" className={className} disabled={count === 0} onClick={open}>
        Command these {formatNumber(count)}…
      </button>
      <dialog ref={dialog} aria-labelledby="command-dialog-title" onClose={() => setOpen(false)}>
        <div className={styles.dialogBody}>
          <div className={styles.dialogHead}>
            <h2 id="command-dialog-title">
              Command {formatNumber(count)} {noun}
            </h2>
            <button type="button" className="btn small ghost" onClick={() => dialog.current?.close()}>
              Close
            </button>
          </div>
          {isOpen && <CommandComposer target={target} releases={loaded} />}
        </div>
      </dialog>
    </>
  );
}
