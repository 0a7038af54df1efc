"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
var plugin_sdk_1 = require("@linju/plugin-sdk");
var vitest_1 = require("vitest");
var plugin_ts_1 = require("./plugin.ts");
(0, vitest_1.describe)('consultation plugin', function () {
    var registry = (0, plugin_sdk_1.createPluginRegistry)([plugin_ts_1.plugin]);
    (0, vitest_1.it)('has a valid manifest the registry accepts', function () {
        (0, vitest_1.expect)(registry.get('consultation')).toBe(plugin_ts_1.plugin);
        (0, vitest_1.expect)(plugin_ts_1.plugin.categories.map(function (category) { return category.id; })).toContain('urban-renewal');
    });
    (0, vitest_1.it)('accepts a realistic walk-in question', function () {
        var result = registry.validateIntake('consultation', {
            topic: '物业费纠纷',
            channel: 'walk-in',
            question: '小区电梯停运三个月，物业公司仍要求全额缴纳物业费，不交就停车库门禁，我该怎么办？',
        });
        (0, vitest_1.expect)(result.ok).toBe(true);
    });
    (0, vitest_1.it)('names the field of a bad intake', function () {
        var result = registry.validateIntake('consultation', {
            topic: '物业费纠纷',
            channel: 'wechat',
            question: '小区电梯停运三个月，物业公司仍要求全额缴纳物业费。',
        });
        (0, vitest_1.expect)(result.ok ? [] : result.errors.map(function (error) { return error.field; })).toEqual(['channel']);
    });
});
