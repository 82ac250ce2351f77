/**
 * One of several processes writing to one SQLite file through the store's connection: each
 * transaction reads, then writes (as a case update does). Prints `done <ok> <failed>`.
 */
import { connect } from '../../../engine/store/knex/connect.js';

const [filename, rounds] = [process.argv[2]!, Number(process.argv[3])];
const knex = connect({ filename });
let ok = 0;
let failed = 0;
for (let round = 0; round < rounds; round++) {
  try {
    await knex.transaction(async (trx) => {
      const row = await trx('counter').where({ id: 1 }).first();
      await trx('counter').where({ id: 1 }).update({ n: Number(row.n) + 1 });
    });
    ok++;
  } catch {
    failed++;
  }
}
await knex.destroy();
console.log(`done ${ok} ${failed}`);
