import { binomialInterval, forecastWorkforce, observedAttrition } from '../src/modules/forecast/workforce-forecast';

/** The forecast's formulas, on a cohort small enough to work out by hand. */
describe('the workforce forecast arithmetic', () => {
  // Ten civil servants as of 2026: four with no retirement date, one retiring before 2027,
  // two in 2027, three in 2029; three of them on IT posts.
  const cohort = [
    { category: 'CIVIL_SERVANT', isItSpecialist: false, retirementYear: null, members: 3 },
    { category: 'CIVIL_SERVANT', isItSpecialist: true, retirementYear: null, members: 1 },
    { category: 'CIVIL_SERVANT', isItSpecialist: false, retirementYear: 2026, members: 1 },
    { category: 'CIVIL_SERVANT', isItSpecialist: true, retirementYear: 2027, members: 1 },
    { category: 'CIVIL_SERVANT', isItSpecialist: false, retirementYear: 2027, members: 1 },
    { category: 'CIVIL_SERVANT', isItSpecialist: false, retirementYear: 2029, members: 2 },
    { category: 'CIVIL_SERVANT', isItSpecialist: true, retirementYear: 2029, members: 1 },
  ];
  const quotas = [
    { year: 2026, category: 'CIVIL_SERVANT', headcount: 12 },
    { year: 2027, category: 'CIVIL_SERVANT', headcount: 11 },
  ];
  const forecast = forecastWorkforce({ asOfYear: 2026, years: 3, attritionRate: 0.1, cohort, quotas });

  it('counts the cohort and who retires before the first year', () => {
    expect(forecast.cohort).toBe(10);
    expect(forecast.retiringBeforeStart).toBe(1);
  });

  it('works each year out as the contract says', () => {
    const [y2027, y2028, y2029] = forecast.years;
    // 2027, k = 1: 9 in service, 2 retire, (9 - 2) × 0.1 leave otherwise.
    expect(y2027).toMatchObject({ year: 2027, startHeadcount: 9, retirements: 2, quota: 11, quotaCarriedForward: false });
    expect(y2027.otherSeparations).toBeCloseTo(0.7, 12);
    expect(y2027.endHeadcount).toBeCloseTo(6.3, 12);
    expect(y2027.projectedGap).toBeCloseTo(4.7, 12);
    expect(y2027.itRetirements).toBe(1);
    expect(y2027.itEndHeadcount).toBeCloseTo(1.8, 12);
    // 2028, k = 2: the seven left, weighted 0.9; no quota row, so 2027's is carried forward.
    expect(y2028.startHeadcount).toBeCloseTo(6.3, 12);
    expect(y2028.retirements).toBe(0);
    expect(y2028.otherSeparations).toBeCloseTo(0.63, 12);
    expect(y2028.endHeadcount).toBeCloseTo(5.67, 12);
    expect(y2028).toMatchObject({ quota: 11, quotaCarriedForward: true });
    expect(y2028.projectedGap).toBeCloseTo(5.33, 12);
    expect(y2028.itEndHeadcount).toBeCloseTo(1.62, 12);
    // 2029, k = 3: weight 0.81; three retire.
    expect(y2029.startHeadcount).toBeCloseTo(5.67, 12);
    expect(y2029.retirements).toBeCloseTo(2.43, 12);
    expect(y2029.otherSeparations).toBeCloseTo(0.324, 12);
    expect(y2029.endHeadcount).toBeCloseTo(2.916, 12);
    expect(y2029.itRetirements).toBeCloseTo(0.81, 12);
    expect(y2029.itEndHeadcount).toBeCloseTo(0.729, 12);
    expect(y2029.projectedGap).toBeCloseTo(8.084, 12);
  });

  it('gives the central 80 % of the end headcount', () => {
    // End of 2027: 7 members can still be there, each with probability 0.9. Binomial(7, 0.9):
    // P(≤4) = 0.0257, P(≤5) = 0.1497, P(≤6) = 0.5217: the 10th percentile is 5, the 90th 7.
    expect(forecast.years[0]).toMatchObject({ endHeadcountLow: 5, endHeadcountHigh: 7 });
    // No attrition: nothing is uncertain.
    const sure = forecastWorkforce({ asOfYear: 2026, years: 1, attritionRate: 0, cohort, quotas });
    expect(sure.years[0]).toMatchObject({ endHeadcount: 7, endHeadcountLow: 7, endHeadcountHigh: 7 });
  });

  it('breaks the figures down by category, each with its own quota', () => {
    const mixed = forecastWorkforce({
      asOfYear: 2026,
      years: 1,
      attritionRate: 0,
      cohort: [...cohort, { category: 'CONTRACT', isItSpecialist: false, retirementYear: null, members: 2 }],
      quotas,
    });
    expect(mixed.years[0].endHeadcount).toBe(9);
    expect(mixed.byCategory.map((c) => [c.category, c.cohort, c.years[0].endHeadcount, c.years[0].quota])).toEqual([
      ['CIVIL_SERVANT', 10, 7, 11],
      ['CONTRACT', 2, 2, 0],
    ]);
  });

  it('observes attrition over the three years before', () => {
    expect(observedAttrition(3, 60)).toBe(0.05);
    expect(observedAttrition(0, 0)).toBeNull();
  });

  it('caps observed attrition at 1, so that no weight, retirement or headcount turns negative', () => {
    // 5 separations over January headcounts of 4 (four joined and left between two Januaries):
    // the ratio is 1.25; capped at 1.
    expect(observedAttrition(5, 4)).toBe(1);
    expect(observedAttrition(4, 4)).toBe(1);
    // With a = 1 the ten of the cohort above: 2027 starts with 9, 2 retire, the other 7 leave;
    // from 2028 every weight is 0 (with 1.25 the weight of 2028 would be -0.25: a start
    // headcount of 7 × -0.25 = -1.75).
    const capped = forecastWorkforce({ asOfYear: 2026, years: 3, attritionRate: observedAttrition(5, 4)!, cohort, quotas });
    expect(capped.years.map((y) => [y.year, y.startHeadcount, y.retirements, y.otherSeparations, y.endHeadcount])).toEqual([
      [2027, 9, 2, 7, 0],
      [2028, 0, 0, 0, 0],
      [2029, 0, 0, 0, 0],
    ]);
  });

  it('uses the normal approximation for a large cohort', () => {
    const { low, high } = binomialInterval(1_000_000, 0.5, 0.8);
    // mean 500,000, sd 500, z(0.9) = 1.2815516
    expect(low).toBeCloseTo(500_000 - 640.776, 2);
    expect(high).toBeCloseTo(500_000 + 640.776, 2);
  });
});
