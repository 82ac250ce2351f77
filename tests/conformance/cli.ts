/**
 * `npm run conformance [DIR] [--verbose]`: runs the betsy suite (DIR holds expectations.json;
 * default the shared copy) and prints its score, or compiles a folder of plain `.bpmn` files.
 * `npm run conformance -- --run DIR`: deploys and runs every model of a folder (run-models.ts).
 */
import path from 'node:path';
import { checkConstraints } from './constraints.js';
import { betsyDir } from './paths.js';
import { compileFolder, folderLines } from './plain-folder.js';
import { failureLines, scoreLines } from './report.js';
import { runSuite } from './run-suite.js';
import { runLines, runModels } from './run-models.js';
import { isBetsySuite } from './suite.js';

async function main(args: string[]): Promise<number> {
  const verbose = args.includes('--verbose');
  const given = args.find((a) => !a.startsWith('--'));
  if (args.includes('--run')) {
    if (!given) throw new Error('--run needs a folder of .bpmn files: npm run conformance -- --run DIR');
    const runs = await runModels(path.resolve(given));
    console.log(runLines(runs).join('\n'));
    return runs.some((r) => r.kind === 'crashed') ? 1 : 0;
  }
  const dir = given ? path.resolve(given) : betsyDir;
  if (!isBetsySuite(dir)) {
    const outcomes = await compileFolder(dir);
    console.log(folderLines(outcomes).join('\n'));
    return outcomes.some((o) => o.outcome === 'crashed') ? 1 : 0;
  }
  const [suite, constraints] = [await runSuite(dir), await checkConstraints(dir)];
  if (verbose) console.log(failureLines(suite, constraints).join('\n'));
  console.log(scoreLines(suite, constraints).join('\n'));
  return 0;
}

process.exitCode = await main(process.argv.slice(2));
