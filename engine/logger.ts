/**
 * Where the engine tells of what goes wrong in the background: a failed job handler, a failed
 * effect or timer firing. The shape is pino's (details first, then the message), so a pino
 * logger is passed as it is; the engine itself writes nowhere unless given one.
 */
export interface EngineLogger {
  error(details: Record<string, unknown>, message: string): void;
  warn(details: Record<string, unknown>, message: string): void;
}

/** The default: the embedder did not ask to hear. Failures still surface at `idle()`. */
export const silentLogger: EngineLogger = {
  error() {},
  warn() {},
};
