// What a right must be before anyone can grant it (to a role or to a user directly), whoever grants it.
import { invalid } from "../errors";
import { type Access, AREA_EXISTS, OBJECT_TYPE_LABELS, type ObjectType } from "./catalog";
import { objectExists } from "./objects";

/** Throws a field error on `rights` unless each right is on an area that exists and names an object that exists. */
export async function requireGrantable(
  rights: readonly { objectType: ObjectType; access: Access; objectId?: string | null }[],
): Promise<void> {
  const unbuilt = rights.find((right) => !AREA_EXISTS[right.objectType]);
  if (unbuilt) {
    throw invalid({
      rights: [
        `${OBJECT_TYPE_LABELS[unbuilt.objectType]} do not exist in this console yet; their rights cannot be granted.`,
      ],
    });
  }
  for (const right of rights) {
    if (right.objectId && !(await objectExists(right.objectType, right.objectId))) {
      throw invalid({ rights: [`A right is limited to an object that does not exist (${right.objectType}).`] });
    }
  }
}
