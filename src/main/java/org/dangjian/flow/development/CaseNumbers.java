package org.dangjian.flow.development;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Case numbers {@code <branchId>-<year>-<4-digit sequence>}, counted per branch and year. */
@Component
class CaseNumbers {

  private final JdbcTemplate jdbc;

  CaseNumbers(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Runs in the starting transaction: a case that fails to start gives its number back. */
  String next(String branchId, int year) {
    int updated = jdbc.update("update case_number_sequence set last_value = last_value + 1"
        + " where branch_id = ? and case_year = ?", branchId, year);
    if (updated == 0) {
      jdbc.update("insert into case_number_sequence (branch_id, case_year, last_value) values (?, ?, 1)", branchId, year);
    }
    Integer value = jdbc.queryForObject("select last_value from case_number_sequence where branch_id = ? and case_year = ?",
        Integer.class, branchId, year);
    return String.format("%s-%d-%04d", branchId, year, value);
  }
}
