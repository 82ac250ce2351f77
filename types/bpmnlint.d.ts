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
