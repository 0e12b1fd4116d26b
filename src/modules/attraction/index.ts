/** The public surface of the attraction module: other code imports the module from here and nowhere else (.dependency-cruiser.cjs). */
export { AttractionResolver, PayComparisonResolver } from './attraction.resolver';
export { BaseSalary } from './base-salary.entity';
export { MAX_AMOUNT, benchmarkById } from './benchmark.service';
export { baseSalaryOn, privateMediansFor } from './benchmark.sql';
export { packageValidOn } from './package-dates.sql';
export { IncentivePackage } from './incentive-package.entity';
export { MAX_SALARY_PERCENT, incentivePackageById } from './incentive-package.service';
export { Package, PackageDeltas, coefficientPay, deltaPackage, payRatio, publicMonthly, publicMonthlyStacked, roundVnd, stackPackages } from './pay-formula';
export { SalaryBenchmark } from './salary-benchmark.entity';
