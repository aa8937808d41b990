// Reading a PDF the app sent, as a person would: the file kept with the test
// results to look at, its text as poppler reads it, and the Japanese font checked.

import { execFile } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { expect } from 'vitest';
import type { Client } from './world.js';

const run = promisify(execFile);

/** The PDF's text (without white space, since lines wrap where the layout decides). */
export async function pdfText(client: Client, url: string, name: string): Promise<string> {
  const res = await client.get(url);
  expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
  expect(res.headers['content-type']).toBe('application/pdf');
  expect(res.headers['cache-control']).toBe('no-store');
  expect(res.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
  const dir = path.resolve('test-results', 'pdf');
  await mkdir(dir, { recursive: true });
  const file = path.join(dir, `${name}.pdf`);
  await writeFile(file, res.rawPayload);
  const { stdout } = await run('pdftotext', ['-layout', file, '-']);
  const fonts = (await run('pdffonts', [file])).stdout;
  expect(fonts).toMatch(/NotoSansJP/);
  return stdout.replace(/\s+/g, '');
}
