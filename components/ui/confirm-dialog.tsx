"use client";
// A confirmation before something that cannot be undone. The trigger comes with the page; the dialog's code
// (Radix, some 11 kB gzip) loads when the trigger is first pointed at, focused or pressed, as most visits never
// open it (issue 10: each console page's first-load JavaScript under 180 kB).
import dynamic from "next/dynamic";
import { type ComponentProps, cloneElement, type ReactElement, type ReactNode, useId, useRef, useState } from "react";

const loadContent = () => import("./confirm-dialog-content");
const ConfirmDialogContent = dynamic(() => loadContent().then((m) => m.ConfirmDialogContent), { ssr: false });

export function ConfirmDialog({
  trigger,
  title,
  description,
  confirmLabel,
  onConfirm,
}: {
  /** A button; it gets the handlers and the ARIA attributes Radix's own trigger would give it. */
  trigger: ReactElement<ComponentProps<"button">>;
  title: string;
  description: ReactNode;
  confirmLabel: string;
  onConfirm: () => void;
}) {
  const [open, setOpen] = useState(false);
  // Rendered from the first opening on, so that closing runs its own course (focus back on the trigger).
  const [opened, setOpened] = useState(false);
  const triggerRef = useRef<HTMLButtonElement>(null);
  const id = useId();
  const load = () => void loadContent();
  const triggerProps: ComponentProps<"button"> & { "data-state": string } = {
    ref: triggerRef,
    onPointerEnter: load,
    onFocus: load,
    onClick: () => {
      setOpened(true);
      setOpen(true);
    },
    "aria-haspopup": "dialog",
    "aria-expanded": open,
    "aria-controls": id,
    "data-state": open ? "open" : "closed",
  };
  return (
    <>
      {cloneElement(trigger, triggerProps)}
      {opened ? (
        <ConfirmDialogContent
          open={open}
          onOpenChange={setOpen}
          id={id}
          trigger={triggerRef}
          title={title}
          description={description}
          confirmLabel={confirmLabel}
          onConfirm={onConfirm}
        />
      ) : null}
    </>
  );
}
