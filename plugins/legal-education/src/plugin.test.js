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
(0, vitest_1.describe)('legal-education plugin', function () {
    var registry = (0, plugin_sdk_1.createPluginRegistry)([plugin_ts_1.plugin]);
    var event = {
        title: '农民工“治欠保支”法治宣传',
        eventType: 'into-worksites',
        themes: ['labour-wages', 'civil-code'],
        venue: '马驹桥物流基地项目工地',
        date: '2025-01-15',
        attendance: 120,
        materialsHandedOut: 5000,
    };
    (0, vitest_1.it)('has a valid manifest', function () {
        (0, vitest_1.expect)(registry.get('legal-education')).toBe(plugin_ts_1.plugin);
    });
    (0, vitest_1.it)('accepts a realistic worksite event', function () {
        (0, vitest_1.expect)(registry.validateIntake('legal-education', event)).toEqual({ ok: true, data: event });
    });
    (0, vitest_1.it)('names the fields of a bad record', function () {
        var result = registry.validateIntake('legal-education', __assign(__assign({}, event), { themes: [], attendance: -3 }));
        (0, vitest_1.expect)(result.ok ? [] : result.errors.map(function (error) { return error.field; })).toEqual(['themes', 'attendance']);
    });
});
