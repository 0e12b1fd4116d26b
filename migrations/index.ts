import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261125000000_workforce_model } from './Migration20261125000000_workforce_model';
import { Migration20261126000000_candidate_scope } from './Migration20261126000000_candidate_scope';
import { Migration20261126010000_base_salary_history } from './Migration20261126010000_base_salary_history';
import { Migration20261127000000_reorganisation } from './Migration20261127000000_reorganisation';
import { Migration20261202000000_org_unit_gso_code } from './Migration20261202000000_org_unit_gso_code';
import { Migration20261202000000_retirement_date } from './Migration20261202000000_retirement_date';
import { Migration20261203000000_records_stay_true } from './Migration20261203000000_records_stay_true';
import { Migration20261204000000_staffing_gap_summary } from './Migration20261204000000_staffing_gap_summary';
import { Migration20261205000000_forecast_cohort } from './Migration20261205000000_forecast_cohort';
import { Migration20261206000000_forecast_below } from './Migration20261206000000_forecast_below';
import { Migration20261207000000_candidate_holders } from './Migration20261207000000_candidate_holders';
import { Migration20261209000000_person_holders } from './Migration20261209000000_person_holders';
import { Migration20261210000000_covering_seats } from './Migration20261210000000_covering_seats';
import { Migration20261211000000_covering_competencies } from './Migration20261211000000_covering_competencies';

/**
 * Migrations in the order they run. Committed migrations are never edited; a change is a new
 * file appended here. Listing them keeps the compiled server and ts-jest on the same code.
 */
export const migrationsList: MigrationObject[] = [
  { name: 'Migration20261125000000_workforce_model', class: Migration20261125000000_workforce_model },
  { name: 'Migration20261126000000_candidate_scope', class: Migration20261126000000_candidate_scope },
  { name: 'Migration20261126010000_base_salary_history', class: Migration20261126010000_base_salary_history },
  { name: 'Migration20261127000000_reorganisation', class: Migration20261127000000_reorganisation },
  { name: 'Migration20261202000000_org_unit_gso_code', class: Migration20261202000000_org_unit_gso_code },
  { name: 'Migration20261202000000_retirement_date', class: Migration20261202000000_retirement_date },
  { name: 'Migration20261203000000_records_stay_true', class: Migration20261203000000_records_stay_true },
  { name: 'Migration20261204000000_staffing_gap_summary', class: Migration20261204000000_staffing_gap_summary },
  { name: 'Migration20261205000000_forecast_cohort', class: Migration20261205000000_forecast_cohort },
  { name: 'Migration20261206000000_forecast_below', class: Migration20261206000000_forecast_below },
  { name: 'Migration20261207000000_candidate_holders', class: Migration20261207000000_candidate_holders },
  { name: 'Migration20261209000000_person_holders', class: Migration20261209000000_person_holders },
  { name: 'Migration20261210000000_covering_seats', class: Migration20261210000000_covering_seats },
  { name: 'Migration20261211000000_covering_competencies', class: Migration20261211000000_covering_competencies },
];
