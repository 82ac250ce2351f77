import type { Rule } from './rule.js';
import { describe } from './rule.js';
import { incomingOf, outgoingOf } from './kinds.js';

/** Reports gateways with the given gatewayDirection whose flow counts break `fits`. */
function direction(value: string, rule: string, fits: (ins: number, outs: number) => boolean, needs: string): Rule {
  return (model, problems) => {
    for (const gateway of model.all('bpmn:Gateway').filter((g) => g.gatewayDirection === value)) {
      const ins = incomingOf(gateway).length;
      const outs = outgoingOf(gateway).length;
      if (fits(ins, outs)) continue;
      problems.add(gateway, rule, `${describe(gateway)} is ${value} and so needs ${needs}, not ${ins} in and ${outs} out`);
    }
  };
}

/** EXT.135 — a gateway has several incoming or several outgoing sequence flows; otherwise it does nothing. */
const splitsOrJoins: Rule = (model, problems) => {
  for (const gateway of model.all('bpmn:Gateway')) {
    const ins = incomingOf(gateway).length;
    const outs = outgoingOf(gateway).length;
    if (ins < 2 && outs < 2) problems.add(gateway, 'EXT.135', `${describe(gateway)} neither splits nor joins (${ins} in, ${outs} out)`);
  }
};

/** Gateway directions and fan-in / fan-out. */
export const gatewayRules: readonly Rule[] = [
  // EXT.017 — a converging gateway has at most one outgoing sequence flow.
  direction('Converging', 'EXT.017', (_, outs) => outs <= 1, 'at most one outgoing flow'),
  // EXT.018 — a diverging gateway has at most one incoming sequence flow.
  direction('Diverging', 'EXT.018', (ins) => ins <= 1, 'at most one incoming flow'),
  // EXT.019 — a mixed gateway has several incoming and several outgoing sequence flows.
  direction('Mixed', 'EXT.019', (ins, outs) => ins >= 2 && outs >= 2, 'several incoming and several outgoing flows'),
  splitsOrJoins,
];
