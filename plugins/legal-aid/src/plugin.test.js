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
var __awaiter = (this && this.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};
var __generator = (this && this.__generator) || function (thisArg, body) {
    var _ = { label: 0, sent: function() { if (t[0] & 1) throw t[1]; return t[1]; }, trys: [], ops: [] }, f, y, t, g = Object.create((typeof Iterator === "function" ? Iterator : Object).prototype);
    return g.next = verb(0), g["throw"] = verb(1), g["return"] = verb(2), typeof Symbol === "function" && (g[Symbol.iterator] = function() { return this; }), g;
    function verb(n) { return function (v) { return step([n, v]); }; }
    function step(op) {
        if (f) throw new TypeError("Generator is already executing.");
        while (g && (g = 0, op[0] && (_ = 0)), _) try {
            if (f = 1, y && (t = op[0] & 2 ? y["return"] : op[0] ? y["throw"] || ((t = y["return"]) && t.call(y), 0) : y.next) && !(t = t.call(y, op[1])).done) return t;
            if (y = 0, t) op = [op[0] & 2, t.value];
            switch (op[0]) {
                case 0: case 1: t = op; break;
                case 4: _.label++; return { value: op[1], done: false };
                case 5: _.label++; y = op[1]; op = [0]; continue;
                case 7: op = _.ops.pop(); _.trys.pop(); continue;
                default:
                    if (!(t = _.trys, t = t.length > 0 && t[t.length - 1]) && (op[0] === 6 || op[0] === 2)) { _ = 0; continue; }
                    if (op[0] === 3 && (!t || (op[1] > t[0] && op[1] < t[3]))) { _.label = op[1]; break; }
                    if (op[0] === 6 && _.label < t[1]) { _.label = t[1]; t = op; break; }
                    if (t && _.label < t[2]) { _.label = t[2]; _.ops.push(op); break; }
                    if (t[2]) _.ops.pop();
                    _.trys.pop(); continue;
            }
            op = body.call(thisArg, _);
        } catch (e) { op = [6, e]; y = 0; } finally { f = t = 0; }
        if (op[0] & 5) throw op[1]; return { value: op[0] ? op[1] : void 0, done: true };
    }
};
Object.defineProperty(exports, "__esModule", { value: true });
var plugin_sdk_1 = require("@linju/plugin-sdk");
var vitest_1 = require("vitest");
var eligibility_ts_1 = require("./eligibility.ts");
var plugin_ts_1 = require("./plugin.ts");
(0, vitest_1.describe)('legal-aid plugin', function () {
    var registry = (0, plugin_sdk_1.createPluginRegistry)([plugin_ts_1.plugin]);
    var wageClaim = {
        applicantName: '马长友',
        matter: 'labour-remuneration',
        summary: '在某建筑工地做钢筋工八个月，包工头拖欠工资三万二千元至今未付',
        opposingParty: '某建筑劳务有限公司',
        migrantWorkerWageClaim: true,
    };
    (0, vitest_1.it)('has a valid manifest', function () {
        (0, vitest_1.expect)(registry.get('legal-aid')).toBe(plugin_ts_1.plugin);
        (0, vitest_1.expect)(registry.deadlineFor('legal-aid', 'plea-leniency')).toBe(3);
    });
    (0, vitest_1.it)("accepts a migrant worker's wage claim without a hardship declaration", function () {
        var result = registry.validateIntake('legal-aid', wageClaim);
        (0, vitest_1.expect)(result.ok && (0, eligibility_ts_1.eligibilityRoute)(result.data)).toBe('exempt-migrant-worker');
    });
    (0, vitest_1.it)('names the fields of a bad intake', function () {
        var result = registry.validateIntake('legal-aid', __assign(__assign({}, wageClaim), { migrantWorkerWageClaim: false }));
        (0, vitest_1.expect)(result.ok ? [] : result.errors.map(function (error) { return error.field; })).toEqual(['hardship']);
        var unsigned = registry.validateIntake('legal-aid', __assign(__assign({}, wageClaim), { matter: 'support-payments', migrantWorkerWageClaim: false, hardship: {
                householdSize: 2,
                monthlyHouseholdIncome: 1800,
                incomeSources: '低保及零工',
                truthfulnessPledge: false,
            } }));
        (0, vitest_1.expect)(unsigned.ok ? [] : unsigned.errors.map(function (error) { return error.field; })).toEqual([
            'hardship.truthfulnessPledge',
        ]);
    });
    (0, vitest_1.it)('tells triage whether a hardship check is due, and logs it when a case is created', function () { return __awaiter(void 0, void 0, void 0, function () {
        var base, logged, logger, ctx;
        var _a, _b;
        return __generator(this, function (_c) {
            switch (_c.label) {
                case 0:
                    base = __assign(__assign({}, wageClaim), { migrantWorkerWageClaim: false });
                    (0, vitest_1.expect)((0, eligibility_ts_1.eligibilityRoute)(__assign(__assign({}, base), { matter: 'plea-leniency' }))).toBe('mandatory');
                    (0, vitest_1.expect)((0, eligibility_ts_1.eligibilityRoute)(__assign(__assign({}, base), { exemptGroup: 'assistance-recipient' }))).toBe('exempt-group');
                    (0, vitest_1.expect)((0, eligibility_ts_1.eligibilityRoute)(base)).toBe('hardship-check');
                    logged = [];
                    logger = {
                        debug: function () { },
                        info: function (message, fields) { return logged.push({ message: message, fields: fields }); },
                        warn: function () { },
                        error: function () { },
                    };
                    ctx = { tenantId: 'tongzhou', logger: logger };
                    return [4 /*yield*/, ((_b = (_a = plugin_ts_1.plugin.hooks) === null || _a === void 0 ? void 0 : _a.onCaseCreated) === null || _b === void 0 ? void 0 : _b.call(_a, ctx, {
                            caseId: 'c-1',
                            organisationId: 'centre',
                            catalogueEntryId: 'migrant-worker-wages',
                            categoryId: 'labour-remuneration',
                            createdAt: new Date('2025-03-18T09:00:00+08:00'),
                            form: __assign(__assign({}, base), { migrantWorkerWageClaim: true }),
                        }))];
                case 1:
                    _c.sent();
                    (0, vitest_1.expect)(logged).toEqual([
                        {
                            message: 'legal-aid eligibility route',
                            fields: { caseId: 'c-1', matter: 'labour-remuneration', route: 'exempt-migrant-worker' },
                        },
                    ]);
                    return [2 /*return*/];
            }
        });
    }); });
});
