import { api, unwrap } from '../api/client.js';
import type { Applicant, CaseDetail, CaseDiagramData, CaseRecord, ServiceItem } from '../api/types.js';

/**
 * The case calls the clerk's pages make, in one place: a change of the API's shape (times,
 * task ids) is met here. Each answers the data or throws an ApiFailure with the server's words.
 * Not pure: each is a call.
 */
export const fetchCase = (id: string): Promise<CaseDetail> =>
  unwrap(api.GET('/api/v1/cases/{id}', { params: { path: { id } } }));

export const fetchItem = (code: string): Promise<ServiceItem> =>
  unwrap(api.GET('/api/v1/items/{code}', { params: { path: { code } } }));

export const fetchItems = (): Promise<ServiceItem[]> => unwrap(api.GET('/api/v1/items', { params: { query: {} } }));

export const fetchDiagram = (id: string): Promise<CaseDiagramData> =>
  unwrap(api.GET('/api/v1/cases/{id}/diagram', { params: { path: { id } } }));

/** 收件: the case is recorded with the materials handed in, and its process starts at the acceptance step. */
export const takeIn = (body: { itemCode: string; applicant: Applicant; provided: string[] }): Promise<CaseRecord> =>
  unwrap(api.POST('/api/v1/cases', { body }));

/** A material's scan or photo, stored with the case (PDF, JPEG or PNG, 10 MB at most). */
export const uploadMaterial = (caseId: string, name: string, file: File) =>
  unwrap(api.POST('/api/v1/cases/{id}/materials/{name}', {
    params: { path: { id: caseId, name } },
    body: file as unknown as string,
    bodySerializer: (body: unknown) => body as BodyInit,
    headers: { 'Content-Type': file.type || 'application/octet-stream' },
  }));

/** Completes a step of the case's process with its form's answers. */
export const completeStep = (taskId: string, variables: Record<string, unknown>): Promise<CaseRecord> =>
  unwrap(api.POST('/api/v1/tasks/{id}/complete', { params: { path: { id: taskId } }, body: { variables } }));

export const withdrawCase = (id: string, reason: string): Promise<CaseRecord> =>
  unwrap(api.POST('/api/v1/cases/{id}/withdraw', { params: { path: { id } }, body: { reason } }));

export const requestExtension = (id: string, days: number, reason: string) =>
  unwrap(api.POST('/api/v1/cases/{id}/extensions', { params: { path: { id } }, body: { days, reason } }));

/** A notice as the printable HTML page it was issued as. */
export const fetchNoticeHtml = (caseId: string, noticeId: string): Promise<string> =>
  unwrap(api.GET('/api/v1/cases/{id}/notices/{noticeId}', { params: { path: { id: caseId, noticeId } }, parseAs: 'text' })) as Promise<string>;

/** The latest upload of a material, as its bytes. */
export const fetchMaterialFile = (caseId: string, name: string): Promise<Blob> =>
  unwrap(api.GET('/api/v1/cases/{id}/materials/{name}', { params: { path: { id: caseId, name } }, parseAs: 'blob' })) as Promise<Blob>;
