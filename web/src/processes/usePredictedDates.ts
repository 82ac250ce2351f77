import { ref, shallowRef } from 'vue';
import type Modeler from 'bpmn-js/lib/Modeler';
import { api, unwrap } from '../api/client.js';
import { ApiFailure } from '../api/failure.js';
import { weekdayCalendar } from '../../../engine/calendar/index.js';
import type { DayOverride } from '../../../engine/calendar/index.js';
import { predictedDates } from '../../../modeler/predict/predicted-dates.js';
import type { PredictedDates } from '../../../modeler/predict/predicted-dates.js';
import type { Node } from '../../../modeler/lint/model.js';

/** The platform's days off and worked weekends of these years, as the working-day arithmetic's overrides. */
async function chinaDays(years: number[]): Promise<DayOverride[]> {
  const answers = await Promise.all(years.map((year) => unwrap(api.GET('/api/v1/calendar/{year}', { params: { path: { year: String(year) } } }))));
  return answers.flatMap((a) => a.days.map((d) => ({ date: d.date, working: d.working })));
}

/**
 * 预计日期 on the diagram being edited: given an acceptance date, each step's due date along
 * the longest path and the promised and statutory dates, on the platform's China calendar.
 */
export function usePredictedDates(modeler: () => Modeler | undefined, processId: string) {
  const result = shallowRef<PredictedDates>();
  const failure = ref('');

  async function predict(accepted: string): Promise<void> {
    failure.value = '';
    try {
      const year = Number(accepted.slice(0, 4));
      const calendar = weekdayCalendar(await chinaDays([year, year + 1]));
      const roots = ((modeler()?.getDefinitions() as { rootElements?: Node[] } | undefined)?.rootElements ?? []);
      const process = roots.find((e) => e.id === processId) ?? roots.find((e) => e.$type === 'bpmn:Process');
      if (!process) throw new Error('图中没有流程');
      result.value = predictedDates(process, accepted, calendar);
    } catch (err) {
      failure.value = err instanceof ApiFailure ? err.message : `未能计算：${(err as Error).message}`;
    }
  }

  return { result, failure, predict };
}
