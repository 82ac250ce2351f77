import { api, unwrap } from '../api/client.js';
import type { InboxTask } from '../api/types.js';
import type { FormSchema } from './outcome.js';

/** A step in the caller's inbox by its id; undefined when it is not there (done, or someone else's). Not pure: a call. */
export async function fetchTask(id: string): Promise<InboxTask | undefined> {
  return (await unwrap(api.GET('/api/v1/tasks'))).find((task) => task.id === id);
}

/** A form-js definition by its key, as the server keeps and checks it. Not pure: a call. */
export async function fetchForm(key: string): Promise<FormSchema> {
  return (await unwrap(api.GET('/api/v1/forms/{key}', { params: { path: { key } } }))) as unknown as FormSchema;
}
