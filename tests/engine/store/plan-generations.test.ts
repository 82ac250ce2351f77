import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import pg from 'pg';
import { PlanGenerations, generation } from '../../../engine/store/knex/plan-generations.js';
import { arrayLiteral } from '../../../engine/store/knex/pg-rows-sql.js';

const url = process.env.DATABASE_URL;
const onPostgres = url ? describe : describe.skip;

describe('plan generations', () => {
  test('a statement is planned anew each time its runs double, and no more after 2^16 runs', () => {
    expect([1, 2, 3, 4, 7, 8, 1023, 1024].map(generation)).toEqual([0, 1, 1, 2, 2, 3, 9, 10]);
    expect(generation(2 ** 16)).toBe(16);
    expect(generation(2 ** 24)).toBe(16);
  });
});

describe('array literals', () => {
  test('texts are quoted with their quotes and backslashes escaped; numbers bare; nulls as null', () => {
    expect(arrayLiteral(['{"a":"b\\\\c"}', 'x,y', null, 7, '受理'])).toBe('{"{\\"a\\":\\"b\\\\\\\\c\\"}","x,y",null,7,"受理"}');
    // A control character would come out of JSON as an escape PostgreSQL reads otherwise: the element is quoted as it is.
    expect(arrayLiteral(['a\nb', null])).toBe('{"a\nb",NULL}');
    expect(arrayLiteral([])).toBe('{}');
  });
});

onPostgres('plan generations on PostgreSQL', () => {
  const schema = `yc_plans_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const client = new pg.Client(url);
  const lookup = 'UPDATE cases SET v = $2 FROM unnest($1::text[]) AS r(id) WHERE cases.id = r.id';

  beforeAll(async () => {
    await client.connect();
    await client.query(`CREATE SCHEMA ${schema}; SET search_path TO ${schema}; SET plan_cache_mode = force_generic_plan`);
    await client.query('CREATE TABLE cases (id text PRIMARY KEY, v text)');
  });
  afterAll(async () => {
    await client.query(`DROP SCHEMA ${schema} CASCADE`);
    await client.end();
  });

  async function planOf(name: string): Promise<string> {
    const rows = (await client.query(`EXPLAIN EXECUTE ${name}('{k1}', 'x')`)).rows as Array<{ 'QUERY PLAN': string }>;
    return rows.map((row) => row['QUERY PLAN']).join('\n');
  }

  test('a plan made while the table was empty is replaced once the runs double: the grown table is then read through its index', async () => {
    const generations = new PlanGenerations();
    const base = `yc_test_lookup_${process.pid}`;
    const run = async () => {
      const name = await generations.nameOn(client, base);
      await client.query({ name, text: lookup, values: ['{k1}', 'x'] });
      return name;
    };
    const first = await run();
    await client.query({ name: 'kept_from_the_start', text: lookup, values: ['{k1}', 'x'] });
    await client.query("INSERT INTO cases SELECT 'k' || g, 'v' FROM generate_series(1, 50000) AS g");
    let latest = first;
    for (let n = 2; n <= 5; n++) latest = await run();

    // Without generations, the plan made on the empty table would stay: it scans the table whole.
    expect(await planOf('kept_from_the_start')).toMatch(/Seq Scan on cases/);
    expect(latest).toBe(`${base}_g2`);
    expect(await planOf(latest)).toMatch(/Index Scan using cases_pkey/);
    // The connection holds the newest generation only.
    const held = (await client.query('SELECT name FROM pg_prepared_statements WHERE name LIKE $1', [`${base}%`])).rows.map((row) => row.name);
    expect(held).toEqual([latest]);
    expect(Number((await client.query("SELECT count(*) AS n FROM cases WHERE v = 'x'")).rows[0].n)).toBe(1);
  });

  test('an array literal reads back on the server as the texts it was made of', async () => {
    const texts = ['{"a":"b\\\\c"}', 'x,y', '"', '\\', '受理 {1}', '', 'null', '📄'];
    const withBreaks = ['line\nbreak', 'tab\there', '\\n is not a break'];
    const { rows } = await client.query('SELECT $1::text[] AS texts, $2::text[] AS breaks, $3::int8[] AS numbers', [arrayLiteral(texts), arrayLiteral(withBreaks), arrayLiteral([1, null, 2 ** 40])]);
    expect(rows[0].texts).toEqual(texts);
    expect(rows[0].breaks).toEqual(withBreaks);
    expect(rows[0].numbers).toEqual(['1', null, String(2 ** 40)]);
  });
});
