import { Migration } from '@mikro-orm/migrations';

/**
 * The legal base salary (lương cơ sở) is a national fact, not demo data: every database starts
 * with its history, so pay comparisons work without the demo. Later changes arrive through
 * setBaseSalary (ADMIN).
 */
export class Migration20261126010000_base_salary_history extends Migration {
  async up(): Promise<void> {
    this.addSql(`
      insert into base_salary (effective_from, monthly_amount, legal_basis) values
        ('2019-07-01', 1490000, 'Nghị định 38/2019/NĐ-CP'),
        ('2023-07-01', 1800000, 'Nghị định 24/2023/NĐ-CP'),
        ('2024-07-01', 2340000, 'Nghị định 73/2024/NĐ-CP')
      on conflict (effective_from) do nothing`);
  }

  async down(): Promise<void> {
    this.addSql(`delete from base_salary where effective_from in ('2019-07-01', '2023-07-01', '2024-07-01')`);
  }
}
