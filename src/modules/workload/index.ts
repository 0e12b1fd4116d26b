/** The public surface of the workload module: other code imports the module from here and nowhere else (.dependency-cruiser.cjs). */
export { WorkloadComponent } from './workload-component.entity';
export { WorkloadResolver } from './workload.resolver';
export { componentWithUnitCode } from './workload.sql';
