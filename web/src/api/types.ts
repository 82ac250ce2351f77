import type { components, paths } from './schema.js';

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
type JsonOf<R> = R extends { content: { 'application/json': infer B } } ? B : never;

/** The JSON body a route answers with on success (200 or 201), read from the generated types. */
export type ResponseOf<P extends keyof paths, M extends Method> =
  paths[P][M] extends { responses: infer R } ? JsonOf<R[200 & keyof R]> | JsonOf<R[201 & keyof R]> : never;

/** The signed-in person, as GET /me answers. */
export type Staff = ResponseOf<'/api/v1/me', 'get'>;
/** A role a person holds (administrator, clerk, …). */
export type Role = Staff['roles'][number];
/** An org unit and its centre, as GET /org-units answers. */
export type OrgUnit = ResponseOf<'/api/v1/org-units', 'get'>[number];
/** One open step in a person's inbox, as GET /tasks answers. */
export type InboxTask = ResponseOf<'/api/v1/tasks', 'get'>[number];
/** The body of every error answer: `{ error: { code, message, fields } }`. */
export type ErrorBody = components['schemas']['Error'];
