// Every /api/v1 operation, for the OpenAPI document (GET /api/v1/openapi.json) and the console's API page.
//
// Adding an operation is one entry here: its method and path (as the route's folder names it, braces for
// [params]), a tag and a summary, and the very zod schemas its route parses (params, query, body) and
// its view answers with (response.schema, a Z…Response beside the area's views). A versioned record's
// GET/PUT/DELETE trio is one `recordOperations` entry. lib/http/openapi/routes-documented.test.ts fails
// for a route without an entry here (and an entry without a route); the integration tests check every
// answer they receive against the schema declared here.
import { z } from "zod";
import { ZApiTokenListResponse, ZApiTokenResponse, ZCreatedApiTokenResponse } from "../../api-tokens/api-views";
import { ZApiTokenListFilter, ZCreateApiTokenRequest } from "../../api-tokens/schemas";
import { ZAuditListResponse } from "../../audit/api-views";
import { ZAuditFilter } from "../../audit/query";
import { ZMeResponse } from "../../auth/api-views";
import { ZCommunityListResponse, ZCommunityResponse, ZJwtKeyRemovedResponse } from "../../communities/api-views";
import { ZUpdateExtraValuesRequest } from "../../communities/extra-values";
import { ZJwtTestRequest, ZJwtTestResponse } from "../../communities/jwt-tester";
import {
  ZMappingPreviewRequest,
  ZMappingPreviewResponse,
  ZRegexTestRequest,
  ZRegexTestResponse,
} from "../../communities/mapping-preview";
import {
  ZAddJwtKeyRequest,
  ZCreateCommunityRequest,
  ZJwtKeyId,
  ZUpdateCommunityRequest,
} from "../../communities/schemas";
import { ZListParams } from "../../list/params";
import {
  ZIncomingUserResponse,
  ZMessagingServiceDetailResponse,
  ZMessagingServiceListResponse,
} from "../../messaging/api-views";
import { ZConnectionReportResponse } from "../../messaging/connection-test-api-views";
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
import {
  ZSmsChannelDetailResponse,
  ZSmsChannelListResponse,
  ZSmsChannelResponse,
  ZSmsExportResponse,
  ZSmsKeystoreCheckResponse,
  ZSmsKeystoreUploadedResponse,
  ZSmsRestartedResponse,
} from "../../sms/api-views";
import { MAX_DRIVER_FILE_BYTES, ZDriverImportQuery } from "../../sms/driver-import";
import { ZExportSmsChannelsRequest } from "../../sms/export";
import { ZCreateSmsChannelRequest, ZUpdateSmsChannelRequest, ZUploadKeystoreRequest } from "../../sms/schemas";
import { ZSmsChannelListFilter } from "../../sms/service";
import { TRANSFER_AREA_KEYS } from "../../transfer/areas";
import { ZExportDocument, ZTransferDocument } from "../../transfer/document";
import { ZImportReport, ZImportRequest } from "../../transfer/import";
import { ZUserDetailResponse, ZUserListResponse, ZUserResponse } from "../../users/api-views";
import { ZSetUserRightsRequest } from "../../users/direct-rights-schemas";
import { ZUserRightsResponse } from "../../users/rights-api-views";
import { ZCreateUserRequest, ZResetPasswordRequest, ZUpdateUserRequest, ZUserListFilter } from "../../users/schemas";
import type { ApiOperation } from "./operation";

const ZIdParams = z.object({ id: ZId });
/**
 * The export's query as the route reads it: ?areas=… and, per area, the names of the records to export
 * (each repeated or comma-separated).
 */
const ZExportQuery = z.object({
  areas: z
    .array(z.enum(TRANSFER_AREA_KEYS as [string, ...string[]]))
    .optional()
    .describe("The areas to export; absent: every area the token's owner may view."),
  ...Object.fromEntries(
    TRANSFER_AREA_KEYS.map((key) => [
      key,
      z.array(z.string()).optional().describe(`The ${key} to export, by name; absent: all of them.`),
    ]),
  ),
});
const ZHistoryParams = z.object({ type: ZRecordRef.shape.objectType, id: ZRecordRef.shape.objectId });

interface RecordSpec {
  /** The collection's path: /roles. The record is {path}/{id}. */
  path: string;
  tag: string;
  /** The record in words: "role". */
  noun: string;
  /** "an" before a noun said with a vowel sound: an SMS channel. */
  article?: "a" | "an";
  readSchema: z.ZodType;
  updateSchema: z.ZodType;
  updatedSchema: z.ZodType;
}

/** The GET/PUT/DELETE of one versioned record, as lib/http/record-routes.ts serves them. */
function recordOperations(spec: RecordSpec): ApiOperation[] {
  const path = `${spec.path}/{id}`;
  const base = { path, tag: spec.tag, params: ZIdParams };
  const a = spec.article ?? "a";
  return [
    {
      ...base,
      method: "get",
      summary: `Read ${a} ${spec.noun}`,
      description: `The ETag is the ${spec.noun}'s version: send it back in If-Match to change or delete it.`,
      response: { status: 200, description: `The ${spec.noun}.`, schema: spec.readSchema, etag: true },
    },
    {
      ...base,
      method: "put",
      summary: `Replace ${a} ${spec.noun}`,
      description: "Send every field, as a read gives them; the path names the record and If-Match its version.",
      body: { schema: spec.updateSchema, omit: ["id", "version"] },
      ifMatch: true,
      response: { status: 200, description: `The ${spec.noun} as saved.`, schema: spec.updatedSchema, etag: true },
    },
    {
      ...base,
      method: "delete",
      summary: `Delete ${a} ${spec.noun}`,
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
      description: "The new service, as a read gives it (credentials, secrets as set or not set, readiness).",
      schema: ZMessagingServiceDetailResponse,
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
    updatedSchema: ZMessagingServiceDetailResponse,
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
    method: "post",
    path: "/messaging-services/{id}/connection-test",
    tag: "Messaging services",
    summary: "Test a service's connection",
    description:
      "Probes the saved URL step by step (DNS, TCP, TLS, HTTP), never with a credential and only to allowed hosts. Changes nothing; audited.",
    params: ZIdParams,
    response: { status: 200, description: "The report, step by step.", schema: ZConnectionReportResponse },
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
    path: "/users/{id}/rights",
    tag: "Users",
    summary: "Read the rights a user holds directly",
    description: "Besides those of their roles. The ETag is the user's version.",
    params: ZIdParams,
    response: { status: 200, description: "The user's direct rights.", schema: ZUserRightsResponse, etag: true },
  },
  {
    method: "put",
    path: "/users/{id}/rights",
    tag: "Users",
    summary: "Replace the rights a user holds directly",
    description:
      "Needs manage_rights, and only rights the token's owner holds may be granted. If-Match names the user's version; the user's sessions end.",
    params: ZIdParams,
    body: { schema: ZSetUserRightsRequest, omit: ["id", "version"] },
    ifMatch: true,
    response: { status: 200, description: "The rights as saved.", schema: ZUserRightsResponse, etag: true },
  },
  {
    method: "put",
    path: "/users/{id}/password",
    tag: "Users",
    summary: "Set a user's password",
    description:
      "Write-only: never sent back. The user must change it at their next sign-in, and their sessions end. If-Match names the user's version.",
    params: ZIdParams,
    body: { schema: ZResetPasswordRequest, omit: ["id", "version"] },
    ifMatch: true,
    response: { status: 200, description: "The user at their new version.", schema: ZUserResponse, etag: true },
  },
  {
    method: "delete",
    path: "/users/{id}/second-factor",
    tag: "Users",
    summary: "Clear a user's second factor",
    description: "For a lost phone: the user enrols again at their next sign-in. If-Match names the user's version.",
    params: ZIdParams,
    ifMatch: true,
    response: { status: 200, description: "The user at their new version.", schema: ZUserResponse, etag: true },
  },

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
    path: "/communities",
    tag: "Communities",
    summary: "List communities",
    description: "Paged (25 a page), searched and sorted like the console's list.",
    query: ZListParams,
    response: { status: 200, description: "One page of communities.", schema: ZCommunityListResponse },
  },
  {
    method: "post",
    path: "/communities",
    tag: "Communities",
    summary: "Create a community",
    description: "A name is enough: signed identities default to reject. Keys, custom fields and mappings follow.",
    body: { schema: ZCreateCommunityRequest },
    response: {
      status: 201,
      description: "The new community.",
      schema: ZCommunityResponse,
      etag: true,
      location: true,
    },
  },
  ...recordOperations({
    path: "/communities",
    tag: "Communities",
    noun: "community",
    readSchema: ZCommunityResponse,
    updateSchema: ZUpdateCommunityRequest,
    updatedSchema: ZCommunityResponse,
  }),
  {
    method: "post",
    path: "/communities/{id}/jwt-keys",
    tag: "Communities",
    summary: "Add a JWT key",
    description:
      "An HMAC secret (24 hex characters, sealed, never sent back) or an RSA public key (PEM). If-Match names the community's version.",
    params: ZIdParams,
    body: { schema: ZAddJwtKeyRequest, omit: ["communityId", "version"] },
    ifMatch: true,
    response: { status: 201, description: "The community with its keys.", schema: ZCommunityResponse, etag: true },
  },
  {
    method: "delete",
    path: "/communities/{id}/jwt-keys/{keyId}",
    tag: "Communities",
    summary: "Remove a JWT key",
    description: "If-Match names the community's version; the answer gives the new one.",
    params: z.object({ id: ZId, keyId: ZJwtKeyId }),
    ifMatch: true,
    response: {
      status: 200,
      description: "The community's new version.",
      schema: ZJwtKeyRemovedResponse,
      etag: true,
    },
  },
  {
    method: "put",
    path: "/communities/{id}/extra-values",
    tag: "Communities",
    summary: "Replace custom fields and extra-value mappings",
    description:
      "Both lists whole (a mapping names a custom field of the same body). If-Match names the community's version.",
    params: ZIdParams,
    body: { schema: ZUpdateExtraValuesRequest, omit: ["communityId", "version"] },
    ifMatch: true,
    response: { status: 200, description: "The community as saved.", schema: ZCommunityResponse, etag: true },
  },
  {
    method: "post",
    path: "/communities/{id}/jwt-test",
    tag: "Communities",
    summary: "Test a JWT against the community's keys",
    description:
      "What the identity endpoint would make of the token under each mode. Nothing sent is stored or logged.",
    params: ZIdParams,
    body: { schema: ZJwtTestRequest, omit: ["communityId"] },
    response: { status: 200, description: "The decoded token and each mode's decision.", schema: ZJwtTestResponse },
  },
  {
    method: "post",
    path: "/communities/{id}/mapping-preview",
    tag: "Communities",
    summary: "Preview where an identity's extra values land",
    description:
      "Under the saved custom fields and mappings; which values would be dropped, and why. Nothing is stored.",
    params: ZIdParams,
    body: { schema: ZMappingPreviewRequest, omit: ["communityId"] },
    response: {
      status: 200,
      description: "The mapped fields and the dropped values.",
      schema: ZMappingPreviewResponse,
    },
  },
  {
    method: "post",
    path: "/communities/regex-test",
    tag: "Communities",
    summary: "Test a custom field's regex",
    description: "RE2 syntax, matched against each sample whole. Nothing is stored.",
    body: { schema: ZRegexTestRequest },
    response: { status: 200, description: "Whether each sample matches.", schema: ZRegexTestResponse },
  },

  {
    method: "get",
    path: "/sms-channels",
    tag: "SMS channels",
    summary: "List SMS channels",
    description:
      "Paged (25 a page), searched and sorted like the console's list; ?restart=pending for those awaiting a driver restart.",
    query: ZSmsChannelListFilter,
    response: { status: 200, description: "One page of channels.", schema: ZSmsChannelListResponse },
  },
  {
    method: "post",
    path: "/sms-channels",
    tag: "SMS channels",
    summary: "Create an SMS channel",
    description: "Secret options are sealed when stored and never sent back: a read shows each as set or not set.",
    body: { schema: ZCreateSmsChannelRequest },
    response: {
      status: 201,
      description: "The new channel.",
      schema: ZSmsChannelResponse,
      etag: true,
      location: true,
    },
  },
  ...recordOperations({
    path: "/sms-channels",
    tag: "SMS channels",
    noun: "SMS channel",
    article: "an",
    readSchema: ZSmsChannelDetailResponse,
    updateSchema: ZUpdateSmsChannelRequest,
    updatedSchema: ZSmsChannelResponse,
  }),
  {
    method: "post",
    path: "/sms-channels/{id}/restarted",
    tag: "SMS channels",
    summary: "Mark the driver restarted",
    description:
      "The driver reads after-restart options when it starts. If-Match names the version seen pending, so a change saved since is not cleared unseen.",
    params: ZIdParams,
    ifMatch: true,
    response: {
      status: 200,
      description: "The channel, no longer pending.",
      schema: ZSmsRestartedResponse,
      etag: true,
    },
  },
  {
    method: "get",
    path: "/sms-channels/{id}/keystore",
    tag: "SMS channels",
    summary: "Check the channel's PKCS#12 file",
    description:
      "Opens the uploaded file with the stored passwords as the driver would; never sends the file or a password.",
    params: ZIdParams,
    response: { status: 200, description: "The findings and certificates.", schema: ZSmsKeystoreCheckResponse },
  },
  {
    method: "post",
    path: "/sms-channels/{id}/keystore",
    tag: "SMS channels",
    summary: "Upload the channel's PKCS#12 file",
    description: "Base64, at most 64 KiB decoded; kept sealed, for the check only.",
    params: ZIdParams,
    body: { schema: ZUploadKeystoreRequest, omit: ["id"] },
    response: { status: 200, description: "The file as kept.", schema: ZSmsKeystoreUploadedResponse },
  },
  {
    method: "get",
    path: "/sms-channels/export",
    tag: "SMS channels",
    summary: "Export channels in the driver's format",
    description:
      "?format=cfg (sections of option = value lines) or csv (as Genesys Administrator exports options); ?id=… (repeated) chooses channels. Secret options are left out unless ?secrets=true: then they are written in clear for the channels on which the token's owner holds export_secrets (for a named channel the right on it is required, 403 otherwise; without ?id, on at least one channel), and the export is audited with the channels' names.",
    query: ZExportSmsChannelsRequest.pick({ format: true }).extend({
      id: ZExportSmsChannelsRequest.shape.ids.describe(
        "The channels to export; absent: every one the token's owner may view.",
      ),
      secrets: z
        .enum(["true", "false"])
        .optional()
        .describe("true: secret options in clear, where the token's owner holds export_secrets (audited)."),
    }),
    // A named channel the token's owner may not see answers like a missing one.
    problems: [400, 403, 404],
    response: { status: 200, description: "The file's name, type and text.", schema: ZSmsExportResponse },
  },

  {
    method: "get",
    path: "/export",
    tag: "Import and export",
    summary: "Export the configuration",
    description:
      "One JSON document (a download) of every record the token's owner may view, keyed by name, without secrets. ?areas=roles,users chooses areas; ?roles=Support (repeated or comma-separated, per area) chooses records.",
    query: ZExportQuery,
    response: { status: 200, description: "The export document.", schema: ZExportDocument },
  },
  {
    method: "post",
    path: "/import",
    tag: "Import and export",
    summary: "Import an export document",
    description:
      "?dryRun=true reports per record what would happen and writes nothing. Otherwise every record goes through its area's service in one transaction; one failing record means nothing is written (400 naming each). ?policy decides what happens to records that exist with other values. At most 1 MiB.",
    query: ZImportRequest.pick({ dryRun: true, policy: true }),
    body: { schema: ZTransferDocument },
    response: { status: 200, description: "The report, per record.", schema: ZImportReport },
  },

  {
    method: "get",
    path: "/api-tokens",
    tag: "API tokens",
    summary: "List API tokens",
    description:
      "The token owner's own; ?owner=all for everyone's (needs view on api_token). Never a token's text or hash.",
    query: ZApiTokenListFilter,
    response: { status: 200, description: "The tokens.", schema: ZApiTokenListResponse },
  },
  {
    method: "post",
    path: "/api-tokens",
    tag: "API tokens",
    summary: "Create an API token",
    description: "For the token's owner. The answer holds the token's text this once; only its hash is kept.",
    body: { schema: ZCreateApiTokenRequest },
    response: {
      status: 201,
      description: "The new token, with its text.",
      schema: ZCreatedApiTokenResponse,
      location: true,
    },
  },
  {
    method: "get",
    path: "/api-tokens/{id}",
    tag: "API tokens",
    summary: "Read an API token",
    description: "Its owner may, and holders of view on api_token.",
    params: ZIdParams,
    response: { status: 200, description: "The token.", schema: ZApiTokenResponse },
  },
  {
    method: "delete",
    path: "/api-tokens/{id}",
    tag: "API tokens",
    summary: "Revoke an API token",
    description:
      "Final, and repeating it changes nothing, so no If-Match is asked. Its owner may, and holders of modify on api_token.",
    params: ZIdParams,
    response: { status: 204, description: "Revoked." },
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
