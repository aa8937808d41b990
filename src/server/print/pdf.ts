// PDFs of the national forms, rendered on the server with pdfmake and Noto Sans JP
// (embedded as a subset, so the file shows the same on any machine). Every page
// says whose data it holds and that it must be handled as personal information,
// who printed it and when; the layout helpers keep the forms alike.

import { createRequire } from 'node:module';
import pdfmake from 'pdfmake';
import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import { labelIn, SEXES } from '../../shared/catalog.js';
import { ageOn, formatDateTime, formatWareki } from '../../shared/wareki.js';

const require = createRequire(import.meta.url);
const FONTS = {
  NotoSansJP: {
    normal: require.resolve('@expo-google-fonts/noto-sans-jp/400Regular/NotoSansJP_400Regular.ttf'),
    bold: require.resolve('@expo-google-fonts/noto-sans-jp/700Bold/NotoSansJP_700Bold.ttf'),
    italics: require.resolve('@expo-google-fonts/noto-sans-jp/400Regular/NotoSansJP_400Regular.ttf'),
    bolditalics: require.resolve('@expo-google-fonts/noto-sans-jp/700Bold/NotoSansJP_700Bold.ttf'),
  },
};
const FONT_FILES = new Set(Object.values(FONTS.NotoSansJP));

pdfmake.setFonts(FONTS);
// A document definition never reaches the network or any file but the fonts.
pdfmake.setUrlAccessPolicy(() => false);
pdfmake.setLocalAccessPolicy((file) => FONT_FILES.has(file));
// Thin ruled boxes, as on the paper forms.
pdfmake.addTableLayouts({
  form: {
    hLineWidth: () => 0.5,
    vLineWidth: () => 0.5,
    hLineColor: () => '#666666',
    vLineColor: () => '#666666',
    paddingLeft: () => 4,
    paddingRight: () => 4,
    paddingTop: () => 3,
    paddingBottom: () => 3,
  },
});

export interface PrintMeta {
  /** The form's name, as the national form calls it. */
  title: string;
  /** The agency that holds the record (the form's addressee). */
  organization: string;
  printedBy: string;
  printedAt: Date;
  /** The note at the foot of every page; a document without personal data (the register) says so instead. */
  footerNote?: string;
}

export const NOT_SHOWN = '（閲覧権限がないため表示しません）';

/** A value as the form shows it: empty as a dash, withheld as said. */
export function shown(value: unknown, withheld = false): string {
  if (withheld) return NOT_SHOWN;
  if (value === null || value === undefined || value === '') return '―';
  if (typeof value === 'boolean') return value ? 'はい' : 'いいえ';
  return String(value);
}

export function date(value: unknown): string {
  return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}/.test(value) ? formatWareki(value.slice(0, 10)) : '―';
}

export function yen(value: unknown): string {
  return typeof value === 'number' ? `${value.toLocaleString('ja-JP')}円` : '―';
}

export const heading = (text: string): Content => ({ text, style: 'section' });

/** Label | value rows, two or four columns wide. */
export function fields(rows: readonly (readonly [string, string])[], columns: 2 | 4 = 2): Content {
  const body: TableCell[][] = [];
  if (columns === 2) {
    for (const [label, value] of rows) body.push([{ text: label, style: 'label' }, { text: value }]);
  } else {
    for (let i = 0; i < rows.length; i += 2) {
      const [a, b] = [rows[i], rows[i + 1]];
      body.push([
        { text: a?.[0] ?? '', style: 'label' },
        { text: a?.[1] ?? '' },
        { text: b?.[0] ?? '', style: 'label' },
        { text: b?.[1] ?? '' },
      ]);
    }
  }
  return {
    table: { widths: columns === 2 ? [130, '*'] : [90, '*', 90, '*'], body },
    layout: 'form',
    margin: [0, 0, 0, 8],
  };
}

/** A table with a header row. */
export function grid(
  header: readonly string[],
  rows: readonly (readonly string[])[],
  widths?: (number | string)[],
): Content {
  const body: TableCell[][] = [
    header.map((h) => ({ text: h, style: 'label' })),
    ...(rows.length
      ? rows.map((r) => r.map((c) => ({ text: c })))
      : [[{ text: '（記録なし）', colSpan: header.length }, ...header.slice(1).map(() => ({ text: '' }))]]),
  ];
  return {
    table: { headerRows: 1, widths: widths ?? header.map(() => '*'), body, dontBreakRows: true },
    layout: 'form',
    margin: [0, 0, 0, 8],
  };
}

/** A box for free text, kept whole where it fits. */
export function textBox(label: string, value: string): Content {
  return {
    table: { widths: ['*'], body: [[{ text: label, style: 'label' }], [{ text: value, margin: [2, 2, 2, 6] }]] },
    layout: 'form',
    margin: [0, 0, 0, 8],
  };
}

/**
 * A checklist of choices with the chosen ones marked, as the paper forms do:
 * ■ chosen, ◎ the main one, □ not chosen; laid out in columns so no label breaks.
 */
export function checklist(
  choices: readonly { code: string; label: string }[],
  chosen: readonly (string | null | undefined)[],
  primary?: string | null,
  columns = 3,
): Content {
  const cells = choices.map((c) => ({
    text: `${c.code === primary ? '◎' : chosen.includes(c.code) ? '■' : '□'} ${c.label}`,
    bold: chosen.includes(c.code),
  }));
  const body: TableCell[][] = [];
  for (let i = 0; i < cells.length; i += columns) {
    const row: TableCell[] = cells.slice(i, i + columns);
    while (row.length < columns) row.push({ text: '' });
    body.push(row);
  }
  return { table: { widths: Array(columns).fill('*'), body }, layout: 'noBorders', margin: [0, 0, 0, 6] };
}

export async function renderPdf(meta: PrintMeta, subject: string, content: Content[]): Promise<Buffer> {
  const printed = `印刷：${formatDateTime(meta.printedAt)}　${meta.printedBy}`;
  const doc: TDocumentDefinitions = {
    pageSize: 'A4',
    pageMargins: [40, 56, 40, 56],
    info: { title: `${meta.title}（${subject}）`, creator: meta.organization, producer: 'jiritsu-case' },
    defaultStyle: { font: 'NotoSansJP', fontSize: 9.5, lineHeight: 1.25 },
    styles: {
      title: { fontSize: 16, bold: true, alignment: 'center', margin: [0, 0, 0, 4] },
      subtitle: { fontSize: 10, alignment: 'center', margin: [0, 0, 0, 10] },
      section: { fontSize: 11, bold: true, margin: [0, 8, 0, 4] },
      label: { bold: true, fillColor: '#eeeeee' },
      small: { fontSize: 8, color: '#444444' },
      footer: { fontSize: 7, color: '#444444' },
    },
    header: (page, pages) => ({
      columns: [
        { text: meta.organization, style: 'small' },
        { text: `${page} / ${pages}`, style: 'small', alignment: 'right' },
      ],
      margin: [40, 24, 40, 0],
    }),
    footer: () => ({
      columns: [
        {
          text:
            meta.footerNote ??
            '個人情報を含みます。目的外に利用せず、施錠して保管し、不要になれば確実に廃棄してください。',
          style: 'footer',
          width: '*',
        },
        { text: printed, style: 'footer', alignment: 'right', width: 'auto' },
      ],
      margin: [40, 16, 40, 0],
    }),
    content: [{ text: meta.title, style: 'title' }, { text: subject, style: 'subtitle' }, ...content],
  };
  return pdfmake.createPdf(doc).getBuffer();
}

/** The person the form is about, as the head of every national form shows them. */
export function person(c: Record<string, unknown>, today: string): Content {
  const withheld = (c.withheld as string[] | undefined) ?? [];
  const birth = typeof c.birthDate === 'string' ? `${date(c.birthDate)}（${ageOn(c.birthDate, today)}歳）` : '―';
  const phones = [c.phone, c.phoneMobile].filter(Boolean).join(' ／ ');
  return fields(
    [
      [
        'ふりがな',
        shown(
          `${String(c.familyNameKana ?? '')} ${String(c.givenNameKana ?? '')}`.trim(),
          withheld.includes('familyNameKana'),
        ),
      ],
      [
        '氏名',
        shown(`${String(c.familyName ?? '')} ${String(c.givenName ?? '')}`.trim(), withheld.includes('familyName')),
      ],
      ['性別', shown(labelIn(SEXES, c.sex as string | null), withheld.includes('sex'))],
      ['生年月日', withheld.includes('birthDate') ? NOT_SHOWN : birth],
      [
        '住所',
        shown(
          [c.postalCode ? `〒${String(c.postalCode)}` : '', c.address ?? ''].join(' ').trim(),
          withheld.includes('address'),
        ),
      ],
      ['電話', shown(phones, withheld.includes('phone'))],
    ],
    4,
  );
}

/** The subject line under the title: whose record, and which case. */
export function subjectOf(c: Record<string, unknown>, caseId?: string): string {
  const name = `${String(c.familyName ?? '')} ${String(c.givenName ?? '')}`.trim();
  return caseId ? `${name} 様　（ケース番号 ${caseId.slice(0, 8)}）` : `${name} 様`;
}
