import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, TestClient, type TestServer } from '../../testing/index.ts';

describe('programs over HTTP', () => {
  let hub: TestServer;
  let client: TestClient;
  beforeAll(async () => {
    hub = await startTestServer();
    client = new TestClient(hub.url);
  });
  afterAll(() => hub.close());

  it('answers the public overview with the seeded Ansan program', async () => {
    const data = await client.data<{ programs: { name: string; years: { number: number; startsOn: string; endsOn: string }[] }[] }>(
      '{ programs { name years { number startsOn endsOn } } }',
    );
    expect(data.programs).toHaveLength(1);
    expect(data.programs[0]?.name).toBe('안산 지역에코혁신사업');
    expect(data.programs[0]?.years[0]).toEqual({ number: 1, startsOn: '2012-10-01', endsOn: '2013-07-31' });
  });

  it('splits year 1 budget of 563 million KRW by funding source', async () => {
    const data = await client.data<{ programs: { years: { budgetLines: { source: string; plannedKrw: number }[] }[] }[] }>(
      '{ programs { years { budgetLines { source plannedKrw } } } }',
    );
    const lines = data.programs[0]?.years[0]?.budgetLines ?? [];
    expect(Object.fromEntries(lines.map((line) => [line.source, line.plannedKrw]))).toEqual({
      GOVERNMENT: 308_000_000,
      CITY: 100_000_000,
      COMPANY: 55_000_000,
      HOST: 100_000_000,
    });
    expect(lines.reduce((sum, line) => sum + line.plannedKrw, 0)).toBe(563_000_000);
  });

  it('answers an unknown id with NOT_FOUND', async () => {
    expect(await client.errorCode('query($id: ID!) { program(id: $id) { name } }', { id: '00000000-0000-7000-8000-000000000000' })).toBe('NOT_FOUND');
  });

  it('reports health and readiness', async () => {
    expect((await fetch(`${hub.url}/healthz`)).status).toBe(200);
    const ready = await fetch(`${hub.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ database: 'ok' });
  });
});
