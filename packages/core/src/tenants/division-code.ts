/** The city-level division code of a district's (`310104` → `310100`). */
export const cityDivisionOf = (districtCode: string) => `${districtCode.slice(0, 4)}00`;

/**
 * A city-level division (`310100`): its own city by `cityDivisionOf`, and not a province
 * (`310000`, whose "city" would be itself too but no district maps to it).
 */
export const isCityDivision = (divisionCode: string) =>
  /^\d{6}$/.test(divisionCode) &&
  cityDivisionOf(divisionCode) === divisionCode &&
  !divisionCode.endsWith('0000');
