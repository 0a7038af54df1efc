"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
var plugin_sdk_1 = require("@linju/plugin-sdk");
var vitest_1 = require("vitest");
var plugin_ts_1 = require("./plugin.ts");
(0, vitest_1.describe)('appraisal plugin', function () {
    var registry = (0, plugin_sdk_1.createPluginRegistry)([plugin_ts_1.plugin]);
    (0, vitest_1.it)('has a valid manifest', function () {
        (0, vitest_1.expect)(registry.get('appraisal')).toBe(plugin_ts_1.plugin);
        (0, vitest_1.expect)(plugin_ts_1.plugin.categories.map(function (category) { return category.id; })).toEqual([
            'injury-degree',
            'disability-grade',
            'mental-state',
            'civil-capacity',
        ]);
    });
    (0, vitest_1.it)('accepts a realistic traffic-injury question', function () {
        var result = registry.validateIntake('appraisal', {
            appraisalType: 'disability-grade',
            purpose: 'litigation',
            summary: '骑电动车被机动车撞伤，右腿骨折已手术出院三个月，想知道何时可以做伤残鉴定',
            incidentDate: '2025-01-06',
            medicalRecordsAvailable: true,
        });
        (0, vitest_1.expect)(result.ok).toBe(true);
    });
    (0, vitest_1.it)('names the field of a bad intake', function () {
        var result = registry.validateIntake('appraisal', {
            appraisalType: 'disability-grade',
            purpose: 'litigation',
            summary: '骑电动车被机动车撞伤，右腿骨折已手术出院三个月',
            incidentDate: '2025年1月6日',
        });
        (0, vitest_1.expect)(result.ok ? [] : result.errors.map(function (error) { return error.field; })).toEqual(['incidentDate']);
    });
});
