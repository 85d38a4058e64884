package org.dangjian.flow.development;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.transaction.support.TransactionTemplate;

/** Case numbers under concurrency: found by the scale benchmark, where a branch's first cases start at once. */
@SpringBootTest
class CaseNumbersTest {

  @Autowired CaseNumbers caseNumbers;
  @Autowired TransactionTemplate transactions;

  @Test
  void firstCasesOfABranchStartedAtTheSameMomentGetConsecutiveNumbers() throws Exception {
    String branch = "race" + System.nanoTime();
    int starts = 4;
    CyclicBarrier together = new CyclicBarrier(starts);
    ExecutorService pool = Executors.newFixedThreadPool(starts);
    try {
      List<Future<String>> numbers = new ArrayList<>();
      for (int i = 0; i < starts; i++) {
        numbers.add(pool.submit(() -> transactions.execute(tx -> {
          try {
            together.await();
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
          return caseNumbers.next(branch, 2026);
        })));
      }
      List<String> got = new ArrayList<>();
      for (Future<String> n : numbers) {
        got.add(n.get());
      }
      assertThat(got).containsExactlyInAnyOrder(branch + "-2026-0001", branch + "-2026-0002", branch + "-2026-0003",
          branch + "-2026-0004");
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aRolledBackStartGivesItsNumberBack() {
    String branch = "back" + System.nanoTime();
    String first = transactions.execute(tx -> caseNumbers.next(branch, 2026));
    assertThat(first).isEqualTo(branch + "-2026-0001");
    transactions.executeWithoutResult(tx -> {
      assertThat(caseNumbers.next(branch, 2026)).isEqualTo(branch + "-2026-0002");
      tx.setRollbackOnly();
    });
    String afterRollback = transactions.execute(tx -> caseNumbers.next(branch, 2026));
    assertThat(afterRollback).isEqualTo(branch + "-2026-0002");
  }
}
