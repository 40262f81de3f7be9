// Every /api/v1 operation, for the OpenAPI document (GET /api/v1/openapi.json) and the console's API page.
//
// Adding an operation is one entry here: its method and path (as the route's folder names it, braces for
// [params]), a tag and a summary, and the very zod schemas its route parses (params, query, body) and
// its view answers with (response.schema, a Z…Response beside the area's views). A versioned record's
// GET/PUT/DELETE trio is one `recordOperations` entry. lib/http/openapi/routes-documented.test.ts fails
// for a route without an entry here (and an entry without a route); the integration tests check every
// answer they receive against the schema declared here.
import { z } from "zod";
import { ZAuditListResponse } from "../../audit/api-views";
import { ZAuditFilter } from "../../audit/query";
import { ZMeResponse } from "../../auth/api-views";
import { ZListParams } from "../../list/params";
import {
  ZIncomingUserResponse,
  ZMessagingServiceDetailResponse,
  ZMessagingServiceListResponse,
  ZMessagingServiceResponse,
} from "../../messaging/api-views";
import {
  ZCreateMessagingServiceRequest,
  ZIncomingUserForServiceRequest,
  ZUpdateMessagingServiceRequest,
} from "../../messaging/schemas";
import { ZServiceListFilter } from "../../messaging/service";
import { ZHistoryResponse, ZRestoreResponse, ZRevisionDiffResponse } from "../../revisions/api-views";
import { ZDiffRevisionsRequest, ZRecordRef, ZRestoreRecordRevisionRequest } from "../../revisions/schemas";
import { ZRoleListResponse, ZRoleResponse } from "../../roles/api-views";
import { ZCreateRoleRequest, ZUpdateRoleRequest } from "../../roles/schemas";
import { ZId } from "../../schemas";
import { ZSettingListResponse, ZSettingResponse } from "../../settings/api-views";
import { ZUpdateSettingRequest } from "../../settings/service";
import { MAX_DRIVER_FILE_BYTES, ZDriverImportQuery } from "../../sms/driver-import";
import { ZImportReport } from "../../transfer/import";
import { ZUserDetailResponse, ZUserListResponse, ZUserResponse } from "../../users/api-views";
import { ZCreateUserRequest, ZUpdateUserRequest, ZUserListFilter } from "../../users/schemas";
import type { ApiOperation } from "./operation";

const ZIdParams = z.object({ id: ZId });
const ZHistoryParams = z.object({ type: ZRecordRef.shape.objectType, id: ZRecordRef.shape.objectId });

interface RecordSpec {
  /** The collection's path: /roles. The record is {path}/{id}. */
  path: string;
  tag: string;
  /** The record in words: "role". */
  noun: string;
  readSchema: z.ZodType;
  updateSchema: z.ZodType;
  updatedSchema: z.ZodType;
}

/** The GET/PUT/DELETE of one versioned record, as lib/http/record-routes.ts serves them. */
function recordOperations(spec: RecordSpec): ApiOperation[] {
  const path = `${spec.path}/{id}`;
  const base = { path, tag: spec.tag, params: ZIdParams };
  return [
    {
      ...base,
      method: "get",
      summary: `Read a ${spec.noun}`,
      description: `The ETag is the ${spec.noun}'s version: send it back in If-Match to change or delete it.`,
      response: { status: 200, description: `The ${spec.noun}.`, schema: spec.readSchema, etag: true },
    },
    {
      ...base,
      method: "put",
      summary: `Replace a ${spec.noun}`,
      description: "Send every field, as a read gives them; the path names the record and If-Match its version.",
      body: { schema: spec.updateSchema, omit: ["id", "version"] },
      ifMatch: true,
      response: { status: 200, description: `The ${spec.noun} as saved.`, schema: spec.updatedSchema, etag: true },
    },
    {
      ...base,
      method: "delete",
      summary: `Delete a ${spec.noun}`,
      description: "Its history stays: a deleted record can be restored from /history.",
      ifMatch: true,
      response: { status: 204, description: "Deleted." },
    },
  ];
}

export const API_OPERATIONS: readonly ApiOperation[] = [
  {
    method: "get",
    path: "/openapi.json",
    tag: "About the API",
    summary: "This document",
    description: "The OpenAPI 3.1 description of /api/v1. Readable without a token.",
    public: true,
    problems: [],
    response: { status: 200, description: "The OpenAPI document.", schema: z.record(z.string(), z.unknown()) },
  },
  {
    method: "get",
    path: "/me",
    tag: "About the API",
    summary: "Who the token acts as",
    description: "The token's owner and the rights it acts with (a read-only token: its owner's view rights).",
    problems: [],
    response: { status: 200, description: "The token's actor.", schema: ZMeResponse },
  },

  {
    method: "get",
    path: "/messaging-services",
    tag: "Messaging services",
    summary: "List messaging services",
    description: "Paged (25 a page), searched, sorted and filtered like the console's list.",
    query: ZServiceListFilter,
    response: { status: 200, description: "One page of services.", schema: ZMessagingServiceListResponse },
  },
  {
    method: "post",
    path: "/messaging-services",
    tag: "Messaging services",
    summary: "Create a messaging service",
    description: "Secrets are sealed when stored and never sent back: a read shows each as set or not set.",
    body: { schema: ZCreateMessagingServiceRequest },
    response: {
      status: 201,
      description: "The new service.",
      schema: ZMessagingServiceResponse,
      etag: true,
      location: true,
    },
  },
  ...recordOperations({
    path: "/messaging-services",
    tag: "Messaging services",
    noun: "messaging service",
    readSchema: ZMessagingServiceDetailResponse,
    updateSchema: ZUpdateMessagingServiceRequest,
    updatedSchema: ZMessagingServiceResponse,
  }),
  {
    method: "post",
    path: "/messaging-services/{id}/incoming-user",
    tag: "Messaging services",
    summary: "Create an incoming user for a service",
    description: "A new external user holding Use on this service, for incoming authentication.",
    params: ZIdParams,
    body: { schema: ZIncomingUserForServiceRequest, omit: ["serviceId"] },
    response: {
      status: 201,
      description: "The new user (its password is never sent back).",
      schema: ZIncomingUserResponse,
      etag: true,
      location: true,
    },
  },

  {
    method: "get",
    path: "/users",
    tag: "Users",
    summary: "List users",
    description: "Paged (25 a page), searched, sorted and filtered by kind like the console's list.",
    query: ZUserListFilter,
    response: { status: 200, description: "One page of users.", schema: ZUserListResponse },
  },
  {
    method: "post",
    path: "/users",
    tag: "Users",
    summary: "Create a user",
    body: { schema: ZCreateUserRequest },
    response: { status: 201, description: "The new user.", schema: ZUserResponse, etag: true, location: true },
  },
  ...recordOperations({
    path: "/users",
    tag: "Users",
    noun: "user",
    readSchema: ZUserDetailResponse,
    updateSchema: ZUpdateUserRequest,
    updatedSchema: ZUserResponse,
  }),

  {
    method: "get",
    path: "/roles",
    tag: "Roles",
    summary: "List roles",
    description: "Paged (25 a page), searched and sorted like the console's list.",
    query: ZListParams,
    response: { status: 200, description: "One page of roles.", schema: ZRoleListResponse },
  },
  {
    method: "post",
    path: "/roles",
    tag: "Roles",
    summary: "Create a role with its rights",
    body: { schema: ZCreateRoleRequest },
    response: { status: 201, description: "The new role.", schema: ZRoleResponse, etag: true, location: true },
  },
  ...recordOperations({
    path: "/roles",
    tag: "Roles",
    noun: "role",
    readSchema: ZRoleResponse,
    updateSchema: ZUpdateRoleRequest,
    updatedSchema: ZRoleResponse,
  }),

  {
    method: "get",
    path: "/settings",
    tag: "Settings",
    summary: "List the server variables",
    response: { status: 200, description: "Every setting with its value and version.", schema: ZSettingListResponse },
  },
  {
    method: "get",
    path: "/settings/{key}",
    tag: "Settings",
    summary: "Read a server variable",
    params: z.object({ key: ZUpdateSettingRequest.shape.key }),
    response: { status: 200, description: "The setting.", schema: ZSettingResponse, etag: true },
  },
  {
    method: "put",
    path: "/settings/{key}",
    tag: "Settings",
    summary: "Change a server variable",
    description: 'If-Match names the version read (W/"0" for a setting never saved).',
    params: z.object({ key: ZUpdateSettingRequest.shape.key }),
    body: { schema: ZUpdateSettingRequest, omit: ["key", "version"] },
    ifMatch: true,
    response: { status: 200, description: "The setting as saved.", schema: ZSettingResponse, etag: true },
  },

  {
    method: "get",
    path: "/audit",
    tag: "Audit and history",
    summary: "Read the audit trail",
    description: "Newest first, paged (25 a page) and filtered like the console's audit page; times in UTC.",
    query: ZAuditFilter,
    response: { status: 200, description: "One page of audit events.", schema: ZAuditListResponse },
  },
  {
    method: "get",
    path: "/history/{type}/{id}",
    tag: "Audit and history",
    summary: "A record's revisions",
    description: "Newest first. The ETag is the record's version now (0 once deleted): a restore's If-Match.",
    params: ZHistoryParams,
    response: { status: 200, description: "The record's history.", schema: ZHistoryResponse, etag: true },
  },
  {
    method: "get",
    path: "/history/{type}/{id}/diff",
    tag: "Audit and history",
    summary: "What changed between two revisions",
    params: ZHistoryParams,
    query: ZDiffRevisionsRequest.pick({ from: true, to: true }),
    response: { status: 200, description: "The two revisions and their differences.", schema: ZRevisionDiffResponse },
  },
  {
    method: "post",
    path: "/history/{type}/{id}/restore",
    tag: "Audit and history",
    summary: "Restore a revision",
    description:
      "Saves the revision's record again with the same rights, checks and audit as a save; brings back a deleted record. If-Match names the record's version now (W/\"0\" when deleted).",
    params: ZHistoryParams,
    body: { schema: ZRestoreRecordRevisionRequest, omit: ["objectType", "objectId", "expectedVersion"] },
    ifMatch: true,
    response: { status: 200, description: "The record's new version.", schema: ZRestoreResponse, etag: true },
  },
  {
    method: "post",
    path: "/sms-channels/import",
    tag: "SMS channels",
    summary: "Import the SMS driver's configuration (CFG or CSV)",
    description:
      "The body is the driver's file as text: format=cfg reads [channel-<name>] sections of option = value lines, format=csv rows Section,Option,Value (as GET /sms-channels/export writes them); other sections are ignored. Each channel is checked like a save (unknown options and values outside the option's range are errors naming the option; a secret option in the file sets it, a secret left out keeps the stored one). dryRun=true reports what would happen and writes nothing; policy decides what happens to channels that exist with other values. Without a dry run every channel is applied, or none (400, each failing channel named).",
    query: ZDriverImportQuery.pick({ format: true, dryRun: true, policy: true }),
    textBody: {
      mediaTypes: ["text/plain", "text/csv"],
      description: `The driver's file, at most ${MAX_DRIVER_FILE_BYTES / 1024} KB.`,
    },
    response: {
      status: 200,
      description: "What the import did (or, in a dry run, would do) per channel.",
      schema: ZImportReport,
    },
  },
];
