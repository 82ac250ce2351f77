/** The parts of bpmnlint (CommonJS, untyped entry points) the platform's lint uses. */
declare module 'bpmnlint' {
  export class Linter {
    constructor(options: { config: unknown; resolver: unknown });
    lint(definitions: unknown, config?: unknown): Promise<Record<string, Array<{ id?: string; message: string; category: string }>>>;
  }
}

declare module 'bpmnlint/lib/resolver/static-resolver.js' {
  export default class StaticResolver {
    constructor(cache: Record<string, unknown>);
  }
}

/** bpmn-js-i18n's Chinese table (the modeler's translations start from it). */
declare module 'bpmn-js-i18n/translations/zn.js' {
  const table: Record<string, string>;
  export default table;
}
