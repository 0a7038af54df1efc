"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
var plugin_sdk_1 = require("@linju/plugin-sdk");
var vitest_1 = require("vitest");
var plugin_ts_1 = require("./plugin.ts");
(0, vitest_1.describe)('notary plugin', function () {
    var registry = (0, plugin_sdk_1.createPluginRegistry)([plugin_ts_1.plugin]);
    (0, vitest_1.it)('has a valid manifest with a documents checklist for every matter', function () {
        var _a;
        (0, vitest_1.expect)(registry.get('notary')).toBe(plugin_ts_1.plugin);
        for (var _i = 0, _b = plugin_ts_1.plugin.catalogue; _i < _b.length; _i++) {
            var entry = _b[_i];
            (0, vitest_1.expect)((_a = entry.requiredDocuments) === null || _a === void 0 ? void 0 : _a.length).toBeGreaterThan(0);
        }
        (0, vitest_1.expect)(registry.deadlineFor('notary', 'inheritance')).toBe(15);
    });
    (0, vitest_1.it)('accepts a realistic green-channel kinship application for use abroad', function () {
        var result = registry.validateIntake('notary', {
            matterType: 'kinship',
            applicantName: '张桂英',
            usedAbroad: true,
            destination: '加拿大',
            greenChannel: true,
            greenChannelReason: 'elderly',
        });
        (0, vitest_1.expect)(result).toEqual({
            ok: true,
            data: {
                matterType: 'kinship',
                applicantName: '张桂英',
                usedAbroad: true,
                destination: '加拿大',
                channel: 'in-person',
                greenChannel: true,
                greenChannelReason: 'elderly',
                expedited: false,
            },
        });
    });
    (0, vitest_1.it)('names the fields of a bad intake', function () {
        var result = registry.validateIntake('notary', { matterType: 'adoption', applicantName: '张桂英' });
        (0, vitest_1.expect)(result.ok ? [] : result.errors.map(function (error) { return error.field; })).toEqual(['matterType']);
        var missingReason = registry.validateIntake('notary', {
            matterType: 'will',
            applicantName: '张桂英',
            greenChannel: true,
        });
        (0, vitest_1.expect)(missingReason.ok ? [] : missingReason.errors.map(function (error) { return error.field; })).toEqual([
            'greenChannelReason',
        ]);
    });
});
