import { timeZone } from '../../engine/calendar/index.js';

/**
 * China's wall clock, the one every date of the platform is read on: the law counts limits in
 * China's days, whatever zone the server's host is set to. The engine is told it (it knows no
 * country unless told), and the platform's own date arithmetic names it.
 */
export const CHINA_TIME = timeZone('Asia/Shanghai');
