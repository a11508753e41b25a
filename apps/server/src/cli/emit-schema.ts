import { writeFileSync } from 'node:fs';
import { printEcoHubSchema } from '../core/graphql/schema.ts';

/** Writes schema.graphql, the contract the web client's types are generated from. */
const target = new URL('../../schema.graphql', import.meta.url);
writeFileSync(target, await printEcoHubSchema());
process.stdout.write(`schema written to ${target.pathname}\n`);
