"use client";
// The rights of a role or of a user: a matrix of object type × access for "all objects", and a list of
// rights limited to chosen objects. Areas the console does not have yet are offered only when a right
// on them is held already, so that it can be seen and taken away.
import { X } from "lucide-react";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import {
  ACCESS_LABELS,
  ACCESSES,
  type Access,
  APPLICABLE_ACCESS,
  AREA_EXISTS,
  OBJECT_TYPE_LABELS,
  OBJECT_TYPES,
  type ObjectType,
  SCOPABLE_TYPES,
} from "@/lib/rights/catalog";
import type { TRight } from "@/lib/roles/schemas";

export type ObjectChoices = Partial<Record<ObjectType, { id: string; name: string }[]>>;

const key = (r: TRight) => `${r.objectType}:${r.access}:${r.objectId ?? "*"}`;

export function RightsEditor({
  value,
  onChange,
  disabled,
  objects,
  names = {},
}: {
  value: TRight[];
  onChange: (next: TRight[]) => void;
  disabled: boolean;
  objects: ObjectChoices;
  /** Names of objects that rights are limited to already, which the actor may not be able to choose. */
  names?: Record<string, string>;
}) {
  const has = (objectType: ObjectType, access: Access) =>
    value.some((r) => r.objectType === objectType && r.access === access && r.objectId === null);
  const toggle = (objectType: ObjectType, access: Access) =>
    onChange(
      has(objectType, access)
        ? value.filter((r) => !(r.objectType === objectType && r.access === access && r.objectId === null))
        : [...value, { objectType, access, objectId: null }],
    );
  // Fixed when the editor opens: a row does not vanish while its last right is unticked.
  const [rows] = useState(() => OBJECT_TYPES.filter((t) => AREA_EXISTS[t] || value.some((r) => r.objectType === t)));
  const limitTypes = SCOPABLE_TYPES.filter((t) => AREA_EXISTS[t]);
  const scoped = value.filter((r) => r.objectId !== null);
  const [draft, setDraft] = useState<{ objectType: ObjectType; access: Access; objectId: string }>({
    objectType: limitTypes[0] ?? SCOPABLE_TYPES[0],
    access: "view",
    objectId: "",
  });
  const draftObjects = objects[draft.objectType] ?? [];
  const nameOf = (r: TRight) =>
    objects[r.objectType]?.find((o) => o.id === r.objectId)?.name ??
    (r.objectId ? names[r.objectId] : undefined) ??
    "a deleted object";

  return (
    <div className="space-y-6">
      <div className="overflow-x-auto">
        <table className="min-w-full text-sm">
          <caption className="mb-2 text-left text-sm text-slate-600">Rights on every object of a type</caption>
          <thead>
            <tr className="border-b border-slate-200 text-slate-700">
              <th scope="col" className="py-2 pr-4 text-left font-medium">
                Object type
              </th>
              {ACCESSES.map((access) => (
                <th key={access} scope="col" className="px-2 py-2 text-center font-medium">
                  {ACCESS_LABELS[access]}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {rows.map((objectType) => (
              <tr key={objectType}>
                <th scope="row" className="py-2 pr-4 text-left font-normal">
                  {OBJECT_TYPE_LABELS[objectType]}
                </th>
                {ACCESSES.map((access) => (
                  <td key={access} className="px-2 py-2 text-center">
                    {(APPLICABLE_ACCESS[objectType] as readonly Access[]).includes(access) ? (
                      <input
                        type="checkbox"
                        aria-label={`${ACCESS_LABELS[access]} ${OBJECT_TYPE_LABELS[objectType]}`}
                        checked={has(objectType, access)}
                        onChange={() => toggle(objectType, access)}
                        disabled={disabled}
                        className="size-4 rounded border-slate-300"
                      />
                    ) : (
                      <span className="text-slate-500">
                        <span aria-hidden>—</span>
                        <span className="sr-only">Not applicable</span>
                      </span>
                    )}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <div>
        <h3 className="text-sm font-medium text-slate-800">Rights limited to chosen objects</h3>
        {scoped.length === 0 ? <p className="mt-1 text-sm text-slate-500">None.</p> : null}
        <ul className="mt-2 space-y-1">
          {scoped.map((r) => (
            <li
              key={key(r)}
              className="flex items-center justify-between rounded-md border border-slate-200 px-3 py-1.5 text-sm"
            >
              <span>
                {ACCESS_LABELS[r.access]} on {OBJECT_TYPE_LABELS[r.objectType].toLowerCase()}:{" "}
                <strong className="font-medium">{nameOf(r)}</strong>
              </span>
              {!disabled ? (
                <button
                  type="button"
                  aria-label={`Remove ${ACCESS_LABELS[r.access]} on ${nameOf(r)}`}
                  onClick={() => onChange(value.filter((x) => key(x) !== key(r)))}
                  className="rounded p-1 hover:bg-slate-100"
                >
                  <X aria-hidden className="size-4" />
                </button>
              ) : null}
            </li>
          ))}
        </ul>
        {!disabled ? (
          <div className="mt-3 flex flex-wrap items-end gap-2">
            <div className="text-sm">
              <label htmlFor="limit-type" className="mb-1 block text-slate-700">
                Object type
              </label>
              <select
                id="limit-type"
                className={inputClass}
                value={draft.objectType}
                onChange={(e) => setDraft({ ...draft, objectType: e.target.value as ObjectType, objectId: "" })}
              >
                {limitTypes.map((t) => (
                  <option key={t} value={t}>
                    {OBJECT_TYPE_LABELS[t]}
                  </option>
                ))}
              </select>
            </div>
            <div className="text-sm">
              <label htmlFor="limit-access" className="mb-1 block text-slate-700">
                Access
              </label>
              <select
                id="limit-access"
                className={inputClass}
                value={draft.access}
                onChange={(e) => setDraft({ ...draft, access: e.target.value as Access })}
              >
                {APPLICABLE_ACCESS[draft.objectType]
                  .filter((a) => a !== "create")
                  .map((a) => (
                    <option key={a} value={a}>
                      {ACCESS_LABELS[a]}
                    </option>
                  ))}
              </select>
            </div>
            <div className="text-sm">
              <label htmlFor="limit-object" className="mb-1 block text-slate-700">
                Object
              </label>
              <select
                id="limit-object"
                className={inputClass}
                value={draft.objectId}
                onChange={(e) => setDraft({ ...draft, objectId: e.target.value })}
              >
                <option value="">Choose…</option>
                {draftObjects.map((o) => (
                  <option key={o.id} value={o.id}>
                    {o.name}
                  </option>
                ))}
              </select>
            </div>
            <Button
              variant="secondary"
              disabled={!draft.objectId}
              onClick={() => {
                const next = { objectType: draft.objectType, access: draft.access, objectId: draft.objectId };
                if (!value.some((r) => key(r) === key(next))) onChange([...value, next]);
                setDraft({ ...draft, objectId: "" });
              }}
            >
              Add limited right
            </Button>
          </div>
        ) : null}
      </div>
    </div>
  );
}
