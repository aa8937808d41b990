// Purposes of use (利用目的, PUR-1). The first three are the consultation agency's
// published purposes (S0); the others are the management duties the rules
// themselves impose (answering the person's requests, complaints, supervision of a
// contractor, audit of access). Every route that touches personal data declares
// exactly one of these; the access event records it.

export const PURPOSES = [
  'consultation_support',
  'municipal_application',
  'support_coordination',
  'rights_request_handling',
  'complaint_handling',
  'contract_supervision',
  'access_audit',
] as const;
export type PurposeCode = (typeof PURPOSES)[number];

export const PURPOSE_LABELS: Readonly<Record<PurposeCode, string>> = {
  consultation_support: '相談支援業務を円滑に行うため',
  municipal_application: '自治体に対して事業等利用申込を行うため',
  support_coordination: '支援提供、関係機関・者との連絡・調整等、ご相談者の自立支援に資するため',
  rights_request_handling: '本人からの開示等の請求に対応するため',
  complaint_handling: '個人情報の取扱いに関する苦情に対応するため',
  contract_supervision: '委託先における個人情報の取扱いを監督するため',
  access_audit: '個人情報へのアクセス状況を点検し漏えい等を防止するため',
};

/** The agency's published purposes (S0), and the duties the rules themselves impose. */
export const PURPOSE_KINDS: Readonly<Record<PurposeCode, 'published' | 'management'>> = {
  consultation_support: 'published',
  municipal_application: 'published',
  support_coordination: 'published',
  rights_request_handling: 'management',
  complaint_handling: 'management',
  contract_supervision: 'management',
  access_audit: 'management',
};
