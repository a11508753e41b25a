// The floor: the task page's rows fetched by one hand-written SQL statement through pg and
// serialized to JSON over plain node:http, in the GraphQL answer's shape. No parsing,
// validation, authorization or resolvers: what is left is the database and the wire.
import { createServer } from 'node:http';
import pg from 'pg';
import { FLOOR_TASK_PAGE_SQL } from './task-page.ts';

interface Row {
  id: string;
  title: string;
  status: string;
  priority: string;
  due_on: string | null;
  rank: string;
  measure_id: string | null;
  measure_title: string | null;
  assignees: { id: string; name: string }[];
  comment_count: number;
}

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
const server = createServer((req, res) => {
  const companyId = new URL(req.url ?? '/', 'http://floor').searchParams.get('companyId');
  pool
    .query<Row>({ name: 'task-page', text: FLOOR_TASK_PAGE_SQL, values: [companyId] })
    .then(({ rows }) => {
      const edges = rows.map((row) => ({
        node: {
          id: row.id,
          title: row.title,
          status: row.status,
          priority: row.priority,
          dueOn: row.due_on,
          rank: row.rank,
          assignees: row.assignees,
          measure: row.measure_id ? { id: row.measure_id, title: row.measure_title } : null,
          commentCount: row.comment_count,
        },
      }));
      const body = JSON.stringify({ data: { tasks: { edges } } });
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
      res.end(body);
    })
    .catch((error: unknown) => {
      res.writeHead(500, { 'content-type': 'text/plain' });
      res.end(String(error));
    });
});
server.keepAliveTimeout = 60_000;
server.listen(Number(process.env.PORT), '127.0.0.1', () => process.send?.({ type: 'ready' }));
process.on('message', (message: { type: string }) => {
  if (message.type === 'stop') server.close(() => void pool.end().then(() => process.exit(0)));
});
process.on('disconnect', () => process.exit(0));
