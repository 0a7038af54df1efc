/** Partner kinds an appraisal institution is registered as (a licensed institution, not a court or the police). */
export const INSTITUTION_KINDS: readonly string[] = ['department', 'district'];
