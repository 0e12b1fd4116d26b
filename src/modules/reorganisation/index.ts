/** The public surface of the reorganisation module: other code imports the module from here and nowhere else (.dependency-cruiser.cjs). */
export { ReorganisationResolver } from './reorganisation.resolver';
export { dissolveOrgUnit, moveIntoSuccessor, reorganizeUnits } from './reorganisation.service';
