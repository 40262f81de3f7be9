"use client";
// The confirmation itself (Radix AlertDialog: focus trapped, Escape cancels), loaded by confirm-dialog.tsx when
// its trigger is first pointed at, focused or pressed.
import { AlertDialog } from "radix-ui";
import type { ReactNode, RefObject } from "react";
import { Button } from "./button";

export interface ConfirmDialogContentProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  /** The id the trigger's aria-controls names. */
  id: string;
  /** Where focus goes back when the dialog closes (Radix would use its own Trigger, which this dialog has not). */
  trigger: RefObject<HTMLButtonElement | null>;
  title: string;
  description: ReactNode;
  confirmLabel: string;
  onConfirm: () => void;
}

export function ConfirmDialogContent({
  open,
  onOpenChange,
  id,
  trigger,
  title,
  description,
  confirmLabel,
  onConfirm,
}: ConfirmDialogContentProps) {
  return (
    <AlertDialog.Root open={open} onOpenChange={onOpenChange}>
      <AlertDialog.Portal>
        <AlertDialog.Overlay className="fixed inset-0 bg-slate-900/40" />
        <AlertDialog.Content
          id={id}
          onCloseAutoFocus={(event) => {
            event.preventDefault();
            trigger.current?.focus();
          }}
          className="fixed left-1/2 top-1/3 w-[28rem] max-w-[90vw] -translate-x-1/2 rounded-lg bg-white p-6 shadow-xl"
        >
          <AlertDialog.Title className="text-lg font-semibold">{title}</AlertDialog.Title>
          <AlertDialog.Description className="mt-2 text-sm text-slate-600">{description}</AlertDialog.Description>
          <div className="mt-6 flex justify-end gap-2">
            <AlertDialog.Cancel asChild>
              <Button variant="secondary">Cancel</Button>
            </AlertDialog.Cancel>
            <AlertDialog.Action asChild>
              <Button variant="danger" onClick={onConfirm}>
                {confirmLabel}
              </Button>
            </AlertDialog.Action>
          </div>
        </AlertDialog.Content>
      </AlertDialog.Portal>
    </AlertDialog.Root>
  );
}
