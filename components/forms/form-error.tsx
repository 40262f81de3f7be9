// The form-level message, announced to screen readers when it appears.
export function FormError({ message }: { message?: string }) {
  return (
    <div aria-live="polite" role="status">
      {message ? (
        <p className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">{message}</p>
      ) : null}
    </div>
  );
}
