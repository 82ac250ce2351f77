import { api, unwrap } from '../api/client.js';
import type { InboxTask } from '../api/types.js';
import type { FormSchema } from './outcome.js';

/** A step in the caller's inbox by its id; undefined when it is not there (done, or someone else's). Not pure: a call. */
export async function fetchTask(id: string): Promise<InboxTask | undefined> {
  return (await unwrap(api.GET('/api/v1/tasks'))).find((task) => task.id === id);
}

/** A task's form link: its key, and the process version when the form was designed with it. */
type FormLink = NonNullable<InboxTask['form']>;

/** A task's form-js definition, as the server keeps and checks it (the one of its process version, if designed with it). Not pure: a call. */
export async function fetchForm(link: Pick<FormLink, 'key' | 'processId' | 'version'>): Promise<FormSchema> {
  const query = link.processId && link.version ? { processId: link.processId, version: link.version } : {};
  return (await unwrap(api.GET('/api/v1/forms/{key}', { params: { path: { key: link.key }, query } }))) as unknown as FormSchema;
}
