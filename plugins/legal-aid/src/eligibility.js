"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.eligibilityRoute = eligibilityRoute;
/** The eligibility route of a validated application, which tells triage whether a hardship check is due. */
function eligibilityRoute(intake) {
    if (intake.matter === 'plea-leniency')
        return 'mandatory';
    if (intake.migrantWorkerWageClaim)
        return 'exempt-migrant-worker';
    if (intake.exemptGroup)
        return 'exempt-group';
    return 'hardship-check';
}
