"use server";
import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/actions/define-action";
import { createIncomingUser } from "@/lib/messaging/incoming-user";
import {
  ZCreateMessagingServiceRequest,
  ZIncomingUserForServiceRequest,
  ZUpdateMessagingServiceRequest,
} from "@/lib/messaging/schemas";
import { createMessagingService, deleteMessagingService, updateMessagingService } from "@/lib/messaging/service";
import { testServiceConnection, ZTestConnectionRequest } from "@/lib/messaging/test-connection";
import { ZDeleteRequest } from "@/lib/users/schemas";

// Actions return only ids and versions: never a record, which could carry a sealed secret.

export const createMessagingServiceAction = defineAction(ZCreateMessagingServiceRequest, async (actor, input) => {
  const service = await createMessagingService(actor, input);
  revalidatePath("/messaging-services", "layout");
  return { id: service.id, version: service.version };
});

export const updateMessagingServiceAction = defineAction(ZUpdateMessagingServiceRequest, async (actor, input) => {
  const service = await updateMessagingService(actor, input);
  revalidatePath("/messaging-services", "layout");
  return { id: service.id, version: service.version };
});

export const deleteMessagingServiceAction = defineAction(ZDeleteRequest, async (actor, input) => {
  await deleteMessagingService(actor, input);
  revalidatePath("/messaging-services", "layout");
});

export const createIncomingUserAction = defineAction(ZIncomingUserForServiceRequest, async (actor, input) => {
  const user = await createIncomingUser(actor, input);
  revalidatePath("/messaging-services", "layout");
  revalidatePath("/users", "layout");
  return { id: user.id, version: user.version };
});

export const testConnectionAction = defineAction(ZTestConnectionRequest, testServiceConnection);
