import { api, unwrap } from '../api/client.js';
import type { ResponseOf } from '../api/types.js';
import type { paths } from '../api/schema.js';

/**
 * Every call the inbox page makes, in one module: the list (GET /inbox), claiming, giving
 * back and handing on a step, saved views, and the ticket for the change stream. Not pure:
 * each is a call; each answers the data or throws an ApiFailure with the server's words.
 */
export type InboxQuery = NonNullable<paths['/api/v1/inbox']['get']['parameters']['query']>;
export type InboxPage = ResponseOf<'/api/v1/inbox', 'get'>;
export type InboxRow = InboxPage['rows'][number];
export type InboxView = ResponseOf<'/api/v1/inbox/views', 'get'>[number];
export type InboxFilter = InboxView['filter'];

export const fetchInbox = (query: InboxQuery): Promise<InboxPage> => unwrap(api.GET('/api/v1/inbox', { params: { query } }));

const onTask = (id: string) => ({ params: { path: { id } } });
export const claimTask = (id: string) => unwrap(api.POST('/api/v1/tasks/{id}/claim', onTask(id)));
export const unclaimTask = (id: string) => unwrap(api.POST('/api/v1/tasks/{id}/unclaim', onTask(id)));
export const handOnTargets = (id: string) => unwrap(api.GET('/api/v1/tasks/{id}/hand-on-targets', onTask(id)));
export const handOnTask = (id: string, toStaffId: string, reason: string) =>
  unwrap(api.POST('/api/v1/tasks/{id}/hand-on', { ...onTask(id), body: { toStaffId, reason } }));

export const fetchViews = (): Promise<InboxView[]> => unwrap(api.GET('/api/v1/inbox/views'));
export const saveView = (name: string, filter: InboxFilter): Promise<InboxView> => unwrap(api.POST('/api/v1/inbox/views', { body: { name, filter } }));
export const deleteView = (id: string) => unwrap(api.DELETE('/api/v1/inbox/views/{id}', { params: { path: { id } } }));

/** The address of the person's change stream (GET /inbox/events with a fresh ticket). */
export const changeStream = async (): Promise<string> => (await unwrap(api.POST('/api/v1/inbox/events/ticket'))).stream;
