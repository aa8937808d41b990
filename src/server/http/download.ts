// Files sent to the browser (scanned consent forms, printed PDFs): shown inline,
// named in UTF-8, and never kept in a shared cache, since they hold personal data.

import type { FastifyReply } from 'fastify';
import { Type } from 'typebox';

export const Binary = Type.Unsafe<Buffer>({ type: 'string', format: 'binary' });

export function sendFile(reply: FastifyReply, file: { content: Buffer; mediaType: string; fileName: string }) {
  return reply
    .type(file.mediaType)
    .header('content-disposition', `inline; filename*=UTF-8''${encodeURIComponent(file.fileName)}`)
    .header('cache-control', 'no-store')
    .send(file.content);
}
