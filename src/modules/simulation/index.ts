/** The public surface of the simulation module: other code imports the module from here and nowhere else (.dependency-cruiser.cjs). */
export { PolicyScenario } from './policy-scenario.entity';
export { PolicyScenarioResolver, PolicySimulationResolver, UnitSimulationResolver } from './simulation.resolver';
export { policyScenarioForNode } from './simulation.service';
