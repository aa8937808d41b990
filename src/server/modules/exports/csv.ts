// CSV files of personal data (PRV-7): UTF-8 with a byte-order mark so that the
// spreadsheet programs used at the counter read the Japanese, a head block naming
// what the file is, who made it, when and for which purpose, then the table.
// Cells that a spreadsheet would take for a formula are quoted and prefixed.

import { PURPOSE_LABELS, type PurposeCode } from '../../core/purposes.js';
import { formatDateTime } from '../../../shared/wareki.js';

function cell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n']/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export interface CsvSpec {
  title: string;
  exporter: string;
  exportedAt: Date;
  purpose: string;
  header: readonly string[];
  rows: readonly (readonly string[])[];
}

export function csvFile(spec: CsvSpec): Buffer {
  const purpose = PURPOSE_LABELS[spec.purpose as PurposeCode] ?? spec.purpose;
  const lines = [
    [spec.title],
    ['出力者', spec.exporter],
    ['出力日時', formatDateTime(spec.exportedAt)],
    ['利用目的', purpose],
    ['注意', '個人情報を含みます。許可された目的以外に利用せず、不要になれば確実に削除してください。'],
    [],
    spec.header,
    ...spec.rows,
  ];
  const text = lines.map((line) => line.map(cell).join(',')).join('\r\n') + '\r\n';
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
}
