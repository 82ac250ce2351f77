import { timeZone } from '../../../engine/calendar/index.js';

/** The zone the engine's time tests read wall clocks in: the one yichuang runs in, given as any embedder would. */
export const CHINA = timeZone('Asia/Shanghai');
