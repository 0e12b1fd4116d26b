import 'reflect-metadata';
/** Writes schema/schema.graphql from the code (`npm run schema`); the tests fail when it drifts. */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { printAppSchema } from '../src/app/schema';

const target = path.resolve(__dirname, '../../schema/schema.graphql');
writeFileSync(target, printAppSchema());
console.log(`wrote ${path.relative(process.cwd(), target)}`);
