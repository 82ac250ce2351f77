import { api, unwrap } from '../api/client.js';
import type { ResponseOf } from '../api/types.js';

/** A process with its versions, as GET /processes answers. */
export type ProcessSummary = ResponseOf<'/api/v1/processes', 'get'>[number];
export type ProcessDraft = ResponseOf<'/api/v1/processes/{processId}/draft', 'get'>;
export type ItemPolicy = ResponseOf<'/api/v1/processes/item-policies', 'get'>[number];
export type MigrationLine = ResponseOf<'/api/v1/processes/{processId}/migrations/preview', 'post'>[number];

/**
 * The process calls the modeler's pages make, in one place. Each answers the data or throws
 * an ApiFailure with the server's words. Not pure: each is a call.
 */
export const fetchProcesses = (): Promise<ProcessSummary[]> => unwrap(api.GET('/api/v1/processes'));

export const fetchVersionXml = async (processId: string, version: number): Promise<string> =>
  (await unwrap(api.GET('/api/v1/processes/{processId}/versions/{version}', { params: { path: { processId, version: String(version) } } }))).xml;

export const fetchDraft = (processId: string): Promise<ProcessDraft> =>
  unwrap(api.GET('/api/v1/processes/{processId}/draft', { params: { path: { processId } } }));

export const saveDraft = (processId: string, xml: string): Promise<ProcessDraft> =>
  unwrap(api.PUT('/api/v1/processes/{processId}/draft', { params: { path: { processId } }, body: { xml } }));

export const dropDraft = (processId: string) =>
  unwrap(api.DELETE('/api/v1/processes/{processId}/draft', { params: { path: { processId } } }));

export const deployDraft = (processId: string) =>
  unwrap(api.POST('/api/v1/processes/{processId}/deploy', { params: { path: { processId } } }));

/** The draft against a version, as the server compares them; the diff page takes from it the forms the draft redesigned. */
export const fetchDraftDiff = (processId: string, version: number) =>
  unwrap(api.GET('/api/v1/processes/{processId}/draft/diff', { params: { path: { processId }, query: { version } } }));

export const fetchItemPolicies = (): Promise<ItemPolicy[]> => unwrap(api.GET('/api/v1/processes/item-policies'));

export const setItemPolicy = (code: string, processId: string, version?: number): Promise<ItemPolicy> =>
  unwrap(api.PUT('/api/v1/processes/item-policies/{code}', { params: { path: { code } }, body: { processId, ...(version ? { version } : {}) } }));

export type VersionStep = ResponseOf<'/api/v1/processes/{processId}/versions/{version}/steps', 'get'>[number];

export const fetchVersionSteps = (processId: string, version: number): Promise<VersionStep[]> =>
  unwrap(api.GET('/api/v1/processes/{processId}/versions/{version}/steps', { params: { path: { processId, version: String(version) } } }));

/** Old step id -> new step id, for the steps whose id changed between the versions. */
export type StepMapping = Record<string, string>;

export const previewMigration = (processId: string, fromVersion: number, toVersion: number, mapping: StepMapping = {}): Promise<MigrationLine[]> =>
  unwrap(api.POST('/api/v1/processes/{processId}/migrations/preview', { params: { path: { processId } }, body: { fromVersion, toVersion, mapping } }));

export const migrate = (processId: string, fromVersion: number, toVersion: number, mapping: StepMapping = {}): Promise<MigrationLine[]> =>
  unwrap(api.POST('/api/v1/processes/{processId}/migrations', { params: { path: { processId } }, body: { fromVersion, toVersion, mapping } }));

export type ProcessForm = ResponseOf<'/api/v1/processes/{processId}/draft/forms/{formKey}', 'get'>;

export const fetchDraftForm = (processId: string, formKey: string): Promise<ProcessForm> =>
  unwrap(api.GET('/api/v1/processes/{processId}/draft/forms/{formKey}', { params: { path: { processId, formKey } } }));

export const saveDraftForm = (processId: string, formKey: string, schema: Record<string, unknown>): Promise<ProcessForm> =>
  unwrap(api.PUT('/api/v1/processes/{processId}/draft/forms/{formKey}', { params: { path: { processId, formKey } }, body: { schema } }));
