import { writeSyntheticCases } from './scripts/io/synthetic-cases.ts';
await writeSyntheticCases(process.argv[2]!, +process.argv[3]!, '2026-06-30');
