/**
 * The seven plain-language entry points of Xuhui's community "legal service living rooms"
 * (七条宣传语): what a resident recognises from daily life, each served by a core service.
 */
export const ENTRY_POINTS = [
  { id: 'contract', zh: '合同签订来坐坐', en: 'Signing a contract? Drop in', pluginId: 'consultation' },
  { id: 'property-transfer', zh: '房产过户来坐坐', en: 'Transferring property? Drop in', pluginId: 'notary' },
  { id: 'large-payment', zh: '大额付款来坐坐', en: 'A large payment? Drop in', pluginId: 'consultation' },
  { id: 'dispute', zh: '纠纷隐忧来坐坐', en: 'A dispute brewing? Drop in', pluginId: 'mediation' },
  {
    id: 'marriage-family',
    zh: '婚姻家事来聊聊',
    en: 'Marriage and family? Let’s talk',
    pluginId: 'mediation',
  },
  { id: 'inheritance', zh: '继承知识来问问', en: 'Inheritance? Just ask', pluginId: 'notary' },
  { id: 'labour-rights', zh: '劳动权益来学学', en: 'Labour rights? Learn here', pluginId: 'legal-aid' },
] as const;
