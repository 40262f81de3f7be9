import { AddNewLink } from "./add-new-link";

/** What an empty list says: with a filter, that nothing matches; without, that there is nothing yet. */
export function EmptyList({
  filtered,
  noun,
  addHref,
  canAdd,
}: {
  filtered: boolean;
  /** Plural, lower case: "messaging services". */
  noun: string;
  addHref: string;
  canAdd: boolean;
}) {
  if (filtered) return <p>No {noun} match the search. Change or clear the filter.</p>;
  return (
    <div className="flex flex-col items-center gap-3">
      <p>There are no {noun} yet.</p>
      <AddNewLink href={addHref} allowed={canAdd} />
    </div>
  );
}
