// The baseline: csv-parse's own array-mode parse of a file, streamed, counting rows.
import { createReadStream } from 'node:fs';
import { parse } from 'csv-parse';

let rows = 0;
const parser = createReadStream(process.argv[2]).pipe(parse({ delimiter: ',' }));
// eslint-disable-next-line @typescript-eslint/no-unused-vars -- only counted
for await (const _ of parser) rows++;
process.stdout.write(`${rows - 1}\n`);
