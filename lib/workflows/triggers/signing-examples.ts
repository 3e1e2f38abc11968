// Copy-paste examples of a signed webhook delivery (curl with openssl, Node with node:crypto) for a URL and secret,
// in the timestamped scheme of lib/webhooks/signature.ts: HMAC-SHA256 of "<unix seconds>.<raw body>".

/** POSIX shell single quotes: safe for any text, including the quote itself. */
const shellQuote = (text: string) => `'${text.replaceAll("'", `'\\''`)}'`;

/** The body both examples send (the Node one builds the same bytes with JSON.stringify). */
export const exampleBody = '{"order":"A-1","amount":40}';

export function curlSigningExample(url: string, secret: string): string {
  return [
    `SECRET=${shellQuote(secret)}`,
    `BODY=${shellQuote(exampleBody)}`,
    `TIMESTAMP=$(date +%s)`,
    `SIGNATURE=$(printf '%s.%s' "$TIMESTAMP" "$BODY" | openssl dgst -sha256 -hmac "$SECRET" | awk '{print $NF}')`,
    `curl -X POST ${shellQuote(url)} \\`,
    `  -H 'content-type: application/json' \\`,
    `  -H "x-levqor-timestamp: $TIMESTAMP" \\`,
    `  -H "x-levqor-signature: sha256=$SIGNATURE" \\`,
    `  --data-raw "$BODY"`,
  ].join('\n');
}

export function nodeSigningExample(url: string, secret: string): string {
  return [
    `import { createHmac } from 'node:crypto';`,
    ``,
    `const secret = ${JSON.stringify(secret)};`,
    `const body = JSON.stringify({ order: 'A-1', amount: 40 });`,
    `const timestamp = String(Math.floor(Date.now() / 1000));`,
    `const signature = 'sha256=' + createHmac('sha256', secret).update(timestamp + '.' + body).digest('hex');`,
    `const response = await fetch(${JSON.stringify(url)}, {`,
    `  method: 'POST',`,
    `  headers: {`,
    `    'content-type': 'application/json',`,
    `    'x-levqor-timestamp': timestamp,`,
    `    'x-levqor-signature': signature,`,
    `  },`,
    `  body,`,
    `});`,
    `console.log(response.status);`,
  ].join('\n');
}
