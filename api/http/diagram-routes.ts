import { z } from 'zod';
import type { Knex } from 'knex';
import type { Engine } from '../../engine/index.js';
import { route } from './routes.js';
import type { AnyRoute } from './routes.js';
import { visibleCase } from './scope.js';
import { caseDiagram } from '../cases/diagram.js';

const diagramSchema = z.object({
  processId: z.string(), definitionKey: z.string(), xml: z.string().describe('BPMN 2.0 XML of the version the case runs on, with its diagram'),
  completed: z.array(z.string()), taken: z.array(z.string()), active: z.array(z.string()),
  steps: z.array(z.object({ elementId: z.string().optional(), name: z.string(), holder: z.string() })),
});

/** Where a case stands on its process's diagram, for whoever may see the case. */
export function diagramRoutes(db: Knex, engine: Engine): AnyRoute[] {
  return [
    route({
      method: 'get', path: '/cases/:id/diagram', summary: '办件流程图：流程定义（BPMN）、已完成与当前环节及其办理人', tags: ['cases'], roles: 'any', response: diagramSchema,
      handler: async ({ staff, params }) => caseDiagram(db, engine, await visibleCase(db, staff!, params.id ?? '')),
    }),
  ];
}
