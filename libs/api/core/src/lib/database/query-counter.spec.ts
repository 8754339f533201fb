import express from 'express';
import request from 'supertest';
import { currentQueryCount, QUERY_COUNT_HEADER, QueryCountingLogger, queryCountMiddleware } from './query-counter';

describe('per-request SQL query counter', () => {
  const logger = new QueryCountingLogger(['warn']);
  const tick = () => new Promise((resolve) => setTimeout(resolve, Math.random() * 10));

  // A handler that "runs" n statements across awaits, as a service would.
  const app = express();
  app.use(queryCountMiddleware);
  app.get('/run/:n', async (req, res) => {
    for (let i = 0; i < Number(req.params['n']); i += 1) {
      await tick();
      logger.logQuery('SELECT 1');
    }
    res.json({ seen: currentQueryCount() });
  });

  it('counts the statements of each request separately, also when requests overlap', async () => {
    const responses = await Promise.all([2, 7, 0, 4].map((n) => request(app).get(`/run/${n}`)));
    expect(responses.map((r) => r.headers[QUERY_COUNT_HEADER.toLowerCase()])).toEqual(['2', '7', '0', '4']);
    expect(responses.map((r) => r.body.seen)).toEqual([2, 7, 0, 4]);
  });

  it('ignores statements run outside a request', () => {
    expect(() => logger.logQuery('SELECT 1')).not.toThrow();
    expect(currentQueryCount()).toBeUndefined();
  });
});
