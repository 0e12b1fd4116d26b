/** The public surface of the forecast module: other code imports the module from here and nowhere else (.dependency-cruiser.cjs). */
export { ForecastResolver } from './forecast.resolver';
