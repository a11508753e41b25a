/** The yearly inputs and outputs a diagnosis measures, with their units. */
export const DIAGNOSIS_QUANTITIES = [
  ['electricityKwhPerYear', 'kWh'],
  ['lngNm3PerYear', 'Nm³'],
  ['waterM3PerYear', 'm³'],
  ['wastewaterM3PerYear', 'm³'],
  ['wasteTPerYear', 't'],
  ['rawMaterialsTPerYear', 't'],
] as const;
