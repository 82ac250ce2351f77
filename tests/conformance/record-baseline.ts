/**
 * Records `baseline.json` from a run of the shared betsy suite:
 * `TZ=Asia/Shanghai npx tsx tests/conformance/record-baseline.ts`. Run it when the score
 * rises, so the jest guard holds the engine to the new score.
 */
import { baselineOf, writeBaseline } from './baseline.js';
import { checkConstraints } from './constraints.js';
import { betsyDir } from './paths.js';
import { scoreLines } from './report.js';
import { runSuite } from './run-suite.js';

const suite = await runSuite(betsyDir);
const constraints = await checkConstraints(betsyDir);
writeBaseline(baselineOf(suite, constraints));
console.log(`${scoreLines(suite, constraints).join('\n')}\nwritten to tests/conformance/baseline.json`);
