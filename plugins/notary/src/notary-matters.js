"use strict";
var __assign = (this && this.__assign) || function () {
    __assign = Object.assign || function(t) {
        for (var s, i = 1, n = arguments.length; i < n; i++) {
            s = arguments[i];
            for (var p in s) if (Object.prototype.hasOwnProperty.call(s, p))
                t[p] = s[p];
        }
        return t;
    };
    return __assign.apply(this, arguments);
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.notaryCatalogue = exports.NOTARY_MATTER_DETAILS = exports.NOTARY_MATTERS = void 0;
/** The notarial matters residents ask for most (the seeds' list), each a catalogue entry and a case category. */
exports.NOTARY_MATTERS = [
    'kinship',
    'will',
    'inheritance',
    'power-of-attorney-declaration',
    'no-criminal-record',
    'marital-property-agreement',
];
var doc = function (id, zh, en, optional) { return (__assign({ id: id, name: { 'zh-CN': zh, en: en } }, (optional ? { optional: optional } : {}))); };
var applicantId = doc('applicant-id', '申请人身份证件（身份证或护照）', "Applicant's identity document (ID card or passport)");
var householdRegister = doc('household-register', '户口簿', 'Household register (hukou booklet)');
var propertyTitle = function (optional) {
    return doc('property-title', '所涉财产的权属证明（不动产权证书、存款凭证、车辆登记证书等）', 'Proof of title to the property concerned (real-estate title, deposit records, vehicle registration…)', optional);
};
/** Name, description and documents checklist of each notarial matter. */
exports.NOTARY_MATTER_DETAILS = {
    kinship: {
        name: { 'zh-CN': '亲属关系公证', en: 'Kinship notarization' },
        description: {
            'zh-CN': '证明申请人与关系人之间的亲属关系，常用于出国（境）探亲、留学、继承、领取抚恤金等',
            en: 'Certifies a family relationship, often for visits or study abroad, inheritance or claiming a pension',
        },
        requiredDocuments: [
            applicantId,
            householdRegister,
            doc('relationship-proof', '能证明亲属关系的材料（出生医学证明、结婚证、户籍档案或人事档案等）', 'Proof of the relationship (birth certificate, marriage certificate, household or personnel records)'),
            doc('relative-id', '关系人身份证件复印件', "Copy of the relative's identity document"),
        ],
    },
    will: {
        name: { 'zh-CN': '遗嘱公证', en: 'Will notarization' },
        description: {
            'zh-CN': '立遗嘱人本人到场，由公证员见证并证明遗嘱的真实、合法',
            en: 'The testator attends in person; a notary witnesses the will and certifies it as genuine and lawful',
        },
        requiredDocuments: [
            doc('testator-id', '立遗嘱人身份证件', "Testator's identity document"),
            householdRegister,
            propertyTitle(),
            doc('will-draft', '遗嘱草稿', 'Draft of the will', true),
        ],
    },
    inheritance: {
        name: { 'zh-CN': '继承公证', en: 'Inheritance notarization' },
        description: {
            'zh-CN': '证明继承人依法继承被继承人遗产的事实，用于办理房产过户、存款提取等',
            en: 'Certifies the heirs’ lawful inheritance, for transferring real estate, withdrawing deposits and the like',
        },
        requiredDocuments: [
            doc('death-certificate', '被继承人死亡证明（居民死亡医学证明或户口注销证明）', "Proof of the deceased's death (medical death certificate or cancelled household registration)"),
            doc('heirs-relationship-proof', '被继承人与全体继承人的亲属关系证明', 'Proof of the relationship between the deceased and every heir'),
            doc('heirs-id', '全体继承人身份证件', 'Identity documents of every heir'),
            propertyTitle(),
            doc('will', '遗嘱', 'The will', true),
        ],
    },
    'power-of-attorney-declaration': {
        name: { 'zh-CN': '委托、声明公证', en: 'Power of attorney and declaration' },
        description: {
            'zh-CN': '证明委托书、声明书上的签名属实、意思表示真实，常用于委托他人办理房产买卖、出国（境）事务',
            en: 'Certifies the signature and intent on a power of attorney or declaration, e.g. for a property sale or matters abroad',
        },
        requiredDocuments: [
            doc('principal-id', '委托人或声明人身份证件', "Principal's or declarant's identity document"),
            doc('agent-id', '受托人身份证件复印件', "Copy of the agent's identity document", true),
            propertyTitle(true),
            doc('marital-status-proof', '婚姻状况证明（处分夫妻共有财产时）', 'Proof of marital status (when disposing of jointly owned marital property)', true),
        ],
    },
    'no-criminal-record': {
        name: { 'zh-CN': '无犯罪记录公证', en: 'No-criminal-record notarization' },
        description: {
            'zh-CN': '证明公安机关出具的无犯罪记录证明属实，常用于出国（境）留学、工作、移民',
            en: 'Certifies the police certificate of no criminal record, usually for study, work or emigration abroad',
        },
        requiredDocuments: [
            applicantId,
            doc('police-certificate', '户籍所在地或居住地公安机关出具的无犯罪记录证明', 'Certificate of no criminal record from the police where the applicant is registered or lives'),
        ],
    },
    'marital-property-agreement': {
        name: { 'zh-CN': '婚姻财产约定公证', en: 'Marital property agreement' },
        description: {
            'zh-CN': '证明夫妻（或准备结婚的双方）对婚前、婚后财产归属所作的约定真实、合法，双方须本人到场',
            en: 'Certifies an agreement between spouses (or a couple about to marry) on who owns what; both attend in person',
        },
        requiredDocuments: [
            doc('spouses-id', '双方身份证件', 'Identity documents of both parties'),
            householdRegister,
            doc('marriage-certificate', '结婚证（婚前约定无需提供）', 'Marriage certificate (not for a pre-marital agreement)', true),
            propertyTitle(),
            doc('agreement-draft', '财产约定协议书草稿', 'Draft of the property agreement', true),
        ],
    },
};
/** The catalogue entries of the notary plugin, one per matter, each with its documents checklist. */
exports.notaryCatalogue = exports.NOTARY_MATTERS.map(function (id) { return (__assign({ id: id }, exports.NOTARY_MATTER_DETAILS[id])); });
