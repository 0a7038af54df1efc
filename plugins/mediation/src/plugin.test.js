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
var plugin_sdk_1 = require("@linju/plugin-sdk");
var vitest_1 = require("vitest");
var plugin_ts_1 = require("./plugin.ts");
(0, vitest_1.describe)('mediation plugin', function () {
    var registry = (0, plugin_sdk_1.createPluginRegistry)([plugin_ts_1.plugin]);
    var intake = {
        summary: '楼上住户卫生间渗水导致楼下天花板霉变，双方就维修和赔偿多次协商未果',
        amountInDispute: 8000,
        parties: [
            { name: '陈建国', role: 'applicant', phone: '13800138000' },
            { name: '刘海燕', role: 'respondent' },
        ],
    };
    (0, vitest_1.it)('has a valid manifest with the agreement permission chain', function () {
        var _a;
        (0, vitest_1.expect)(registry.get('mediation')).toBe(plugin_ts_1.plugin);
        (0, vitest_1.expect)((_a = registry.permissions().find(function (p) { return p.id === 'mediation.agreement.create'; })) === null || _a === void 0 ? void 0 : _a.dependsOn).toEqual([
            'mediation.case.mediate',
        ]);
    });
    (0, vitest_1.it)('accepts a realistic neighbours dispute', function () {
        var result = registry.validateIntake('mediation', intake);
        (0, vitest_1.expect)(result.ok && result.data.source).toBe('application');
    });
    (0, vitest_1.it)('names the fields of a bad intake', function () {
        var result = registry.validateIntake('mediation', __assign(__assign({}, intake), { parties: [
                { name: '陈建国', role: 'applicant' },
                { name: '刘海燕', role: 'witness' },
            ] }));
        (0, vitest_1.expect)(result.ok ? [] : result.errors.map(function (error) { return error.field; })).toEqual(['parties.1.role']);
        var oneSided = registry.validateIntake('mediation', __assign(__assign({}, intake), { parties: [
                { name: '陈建国', role: 'applicant' },
                { name: '陈建华', role: 'applicant' },
            ] }));
        (0, vitest_1.expect)(oneSided.ok ? [] : oneSided.errors).toMatchObject([
            { field: 'parties', message: 'need at least one applicant and one respondent' },
        ]);
    });
});
