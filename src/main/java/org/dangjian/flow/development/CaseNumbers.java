package org.dangjian.flow.development;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/** Case numbers {@code <branchId>-<year>-<4-digit sequence>}, counted per branch and year. */
@Component
class CaseNumbers {

  private final JdbcTemplate jdbc;
  private final TransactionTemplate ownTransaction;

  CaseNumbers(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
    this.jdbc = jdbc;
    this.ownTransaction = new TransactionTemplate(transactions);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  /**
   * Runs in the starting transaction: a case that fails to start gives its number back. The counter row is
   * locked by the increment, so clerks starting cases of one branch at once get consecutive numbers.
   */
  String next(String branchId, int year) {
    if (increment(branchId, year) == 0) {
      createCounter(branchId, year);
      if (increment(branchId, year) == 0) {
        throw new IllegalStateException("case number counter of " + branchId + "/" + year + " missing after creation");
      }
    }
    Integer value = jdbc.queryForObject("select last_value from case_number_sequence where branch_id = ? and case_year = ?",
        Integer.class, branchId, year);
    return String.format("%s-%d-%04d", branchId, year, value);
  }

  private int increment(String branchId, int year) {
    return jdbc.update("update case_number_sequence set last_value = last_value + 1"
        + " where branch_id = ? and case_year = ?", branchId, year);
  }

  /**
   * The branch's first case of the year: its counter is created, at 0, in a transaction of its own, so that two
   * first cases started at the same moment do not both insert it (one would fail with a duplicate key).
   */
  private void createCounter(String branchId, int year) {
    try {
      ownTransaction.executeWithoutResult(tx -> jdbc.update("insert into case_number_sequence (branch_id, case_year,"
          + " last_value) select ?, ?, 0 where not exists (select 1 from case_number_sequence where branch_id = ?"
          + " and case_year = ?)", branchId, year, branchId, year));
    } catch (DuplicateKeyException createdMeanwhile) {
      // another start created it between our check and our insert: its counter serves us as well
    }
  }
}
