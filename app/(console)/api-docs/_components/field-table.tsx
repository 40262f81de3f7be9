import { Table, Td, Th } from "@/components/lists/table";
import type { SchemaField } from "@/lib/http/openapi/schema-fields";

export type FieldRow = SchemaField & { in?: string };

/** Fields of a request or an answer: name, type, whether it is required, and what it must be. */
export function FieldTable({
  caption,
  fields,
  showRequired = true,
}: {
  caption: string;
  fields: FieldRow[];
  showRequired?: boolean;
}) {
  const showIn = fields.some((field) => field.in);
  return (
    <Table
      caption={caption}
      head={
        <>
          <Th>Name</Th>
          {showIn ? <Th>In</Th> : null}
          <Th>Type</Th>
          {showRequired ? <Th>Required</Th> : null}
          <Th>Rules and meaning</Th>
        </>
      }
    >
      {fields.map((field) => (
        <tr key={`${field.in ?? ""}${field.name}`}>
          <Td className="whitespace-nowrap font-mono text-xs text-slate-900">{field.name}</Td>
          {showIn ? <Td className="text-slate-700">{field.in}</Td> : null}
          <Td className="text-slate-700">{field.type}</Td>
          {showRequired ? <Td className="text-slate-700">{field.required ? "Yes" : "No"}</Td> : null}
          <Td className="min-w-64 text-slate-700">
            {field.description ? <p>{field.description}</p> : null}
            {field.constraints.length > 0 ? (
              <p className="break-all text-xs text-slate-600">{field.constraints.join("; ")}</p>
            ) : null}
          </Td>
        </tr>
      ))}
    </Table>
  );
}
