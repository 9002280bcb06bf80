import { useEffect, useId, useRef, type ReactNode } from "react";

export interface ModalDialogProps {
  /** The dialog's heading, also its accessible name. */
  title: string;
  onClose(): void;
  children: ReactNode;
  /** Buttons shown at the bottom (the caller adds its own Cancel/Close). */
  actions?: ReactNode;
  /** "alertdialog" for messages that need an answer (errors that block an action). */
  role?: "dialog" | "alertdialog";
  className?: string;
}

/**
 * A modal built on the native `<dialog>`: the browser traps focus, makes the page behind inert, closes on
 * Escape and returns focus to where it was. Mount it to open it; unmount it to close it.
 */
export function ModalDialog({ title, onClose, children, actions, role, className }: ModalDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const onCloseRef = useRef(onClose);
  onCloseRef.current = onClose;

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (!dialog.open) dialog.showModal();
    const handleCancel = (event: Event) => {
      event.preventDefault();
      onCloseRef.current();
    };
    dialog.addEventListener("cancel", handleCancel);
    return () => {
      dialog.removeEventListener("cancel", handleCancel);
      if (dialog.open) dialog.close();
    };
  }, []);

  return (
    <dialog ref={ref} className={`cs-dialog ${className ?? ""}`} aria-labelledby={titleId} role={role}>
      <h2 id={titleId} className="cs-dialog-title">
        {title}
      </h2>
      <div className="cs-dialog-body">{children}</div>
      {actions ? <div className="cs-dialog-actions">{actions}</div> : null}
    </dialog>
  );
}
