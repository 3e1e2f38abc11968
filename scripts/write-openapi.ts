// Writes the OpenAPI document to a file (CI lints it with Redocly): `npm run openapi:lint` writes .ci/out/openapi.json; or `tsx scripts/write-openapi.ts <file> [server URL]`.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createApiDocument } from '@/lib/openapi/create-api-document';

const [file = 'openapi.json', serverUrl = 'http://localhost:3000'] = process.argv.slice(2);
mkdirSync(path.dirname(file), { recursive: true });
writeFileSync(file, `${JSON.stringify(createApiDocument(serverUrl), null, 2)}\n`);
console.log(`wrote ${file}`);
