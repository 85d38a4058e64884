package org.dangjian.flow.villagehelp;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.dangjian.flow.villagehelp.AbsenceRule.Grade;
import org.junit.jupiter.api.Test;

class VillageHelpRulesTest {

  @Test
  void absencesCapTheGrade() {
    assertThat(AbsenceRule.problems(Grade.EXCELLENT, 0)).isEmpty();
    assertThat(AbsenceRule.problems(Grade.EXCELLENT, 1)).isNotEmpty();
    assertThat(AbsenceRule.problems(Grade.COMPETENT, 1)).isEmpty();
    assertThat(AbsenceRule.problems(Grade.COMPETENT, 2)).isNotEmpty();
    assertThat(AbsenceRule.problems(Grade.BASICALLY_COMPETENT, 2)).isEmpty();
    assertThat(AbsenceRule.problems(Grade.BASICALLY_COMPETENT, 3)).isNotEmpty();
    assertThat(AbsenceRule.problems(Grade.INCOMPETENT, 7)).isEmpty();
    assertThat(AbsenceRule.recallRequired(2)).isFalse();
    assertThat(AbsenceRule.recallRequired(3)).isTrue();
  }

  @Test
  void termIsOneToThreeYearsWithTheVisitInside() {
    LocalDate start = LocalDate.of(2025, 3, 15);
    assertThat(Term.problems(start, LocalDate.of(2026, 3, 14), start)).isEmpty();
    assertThat(Term.problems(start, LocalDate.of(2028, 3, 14), start)).isEmpty();
    assertThat(Term.problems(start, LocalDate.of(2026, 3, 13), start)).singleElement().asString().contains("1至3年");
    assertThat(Term.problems(start, LocalDate.of(2028, 3, 15), start)).hasSize(1);
    assertThat(Term.problems(start, LocalDate.of(2026, 3, 14), LocalDate.of(2026, 3, 15))).hasSize(1);
  }

  @Test
  void aTermStartingMidMonthReportsPartialMonthsWithProportionateDays() {
    Term term = new Term(LocalDate.of(2025, 3, 15), LocalDate.of(2026, 3, 14));
    assertThat(term.reportMonths()).hasSize(13);
    Term.ReportMonth first = term.reportMonths().get(0);
    assertThat(first.label()).isEqualTo("2025-03");
    assertThat(first.termDays()).isEqualTo(17);
    assertThat(first.requiredDays()).isEqualTo(17);
    assertThat(term.reportMonths().get(1).requiredDays()).isEqualTo(20);
    Term.ReportMonth last = term.reportMonths().get(12);
    assertThat(last.to()).isEqualTo(LocalDate.of(2026, 3, 14));
    assertThat(last.opensOn()).isEqualTo(LocalDate.of(2026, 3, 15));
    assertThat(term.years()).hasSize(1);
    assertThat(term.reportMonthsOfYear(1)).hasSize(13);
  }

  @Test
  void aThreeYearTermHasThreeAssessmentYears() {
    Term term = new Term(LocalDate.of(2025, 1, 1), LocalDate.of(2027, 12, 31));
    assertThat(term.years()).extracting(Term.TermYear::to)
        .containsExactly(LocalDate.of(2025, 12, 31), LocalDate.of(2026, 12, 31), LocalDate.of(2027, 12, 31));
    assertThat(term.years().get(0).assessmentOpensOn()).isEqualTo(LocalDate.of(2026, 1, 16));
    assertThat(term.reportMonths()).hasSize(36);
    assertThat(term.reportMonthsOfYear(2)).hasSize(12);
  }
}
