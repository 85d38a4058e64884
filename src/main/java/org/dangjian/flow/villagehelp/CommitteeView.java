package org.dangjian.flow.villagehelp;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dangjian.flow.audit.CaseEvent;
import org.dangjian.flow.organization.Organization;
import org.dangjian.flow.organization.OrganizationKind;
import org.dangjian.flow.organization.OrganizationRepository;
import org.dangjian.flow.system.BusinessCalendar;
import org.springframework.stereotype.Service;

/**
 * What a working committee (工委) supervising village help looks at: its assignments with overdue visits,
 * flagged monthly reports and open help cases per category, and the per-category counts and times.
 */
@Service
class CommitteeView {

  record AssignmentRow(String assignmentKey, String villageId, String villageName, String townshipName,
      String helpUnitId, String helpUnitName, String firstSecretaryUserId, String unitHeadUserId, LocalDate termStart,
      LocalDate termEnd, LocalDate visitDeadline, LocalDate visitDate, boolean visitOverdue, boolean visitLate,
      int flaggedReports, Map<String, Integer> openHelpCases, int overdueHelpCases, int closedHelpCases,
      LocalDate endedOn) {
  }

  record CategoryRow(String category, String title, int opened, int open, int overdue, int closed, int reopened,
      Double averageDaysToClose) {
  }

  record EventRow(String assignmentKey, String villageName, String caseNumber, String type, String typeTitle,
      String ruleCode, String description, LocalDate dueDate, LocalDate actualDate, String userId,
      LocalDateTime occurredAt) {
  }

  static class UnknownCommitteeException extends RuntimeException {
    UnknownCommitteeException(String committeeId) {
      super("工委“" + committeeId + "”不存在");
    }
  }

  private final VillageHelpRecords records;
  private final OrganizationRepository organizations;

  CommitteeView(VillageHelpRecords records, OrganizationRepository organizations) {
    this.records = records;
    this.organizations = organizations;
  }

  List<AssignmentRow> assignments(String committeeId, boolean activeOnly) {
    committee(committeeId);
    LocalDate today = BusinessCalendar.today();
    List<AssignmentRow> rows = new ArrayList<>();
    for (VillageHelpRecords.Assignment a : records.assignmentsOf(committeeId)) {
      if (activeOnly && a.endedOn() != null) {
        continue;
      }
      Map<String, Integer> open = emptyPerCategory();
      int overdue = 0;
      int closed = 0;
      for (VillageHelpRecords.HelpCase c : records.helpCasesOf(a.key())) {
        if (c.closedOn() != null) {
          closed++;
        } else {
          open.merge(c.category(), 1, Integer::sum);
          if (today.isAfter(c.targetDate())) {
            overdue++;
          }
        }
      }
      boolean visitOverdue = a.visitDate() == null && a.endedOn() == null && today.isAfter(a.visitDeadline());
      boolean visitLate = a.visitDate() != null && a.visitDate().isAfter(a.visitDeadline());
      rows.add(new AssignmentRow(a.key(), a.villageId(), a.villageName(), a.townshipName(), a.helpUnitId(),
          organizations.findById(a.helpUnitId()).map(Organization::name).orElse(a.helpUnitId()),
          a.firstSecretaryId(), a.unitHeadId(), a.termStart(), a.termEnd(), a.visitDeadline(), a.visitDate(),
          visitOverdue, visitLate, records.flaggedReports(a.key()), open, overdue, closed, a.endedOn()));
    }
    return rows;
  }

  /** Per category: how many were opened, are open, overdue, closed, were ever reopened, and days to close. */
  List<CategoryRow> helpCaseSummary(String committeeId) {
    committee(committeeId);
    LocalDate today = BusinessCalendar.today();
    Map<String, int[]> counts = new LinkedHashMap<>();
    Map<String, Long> closingDays = new LinkedHashMap<>();
    HelpCaseOpened.CATEGORIES.keySet().forEach(k -> {
      counts.put(k, new int[5]);
      closingDays.put(k, 0L);
    });
    for (VillageHelpRecords.Assignment a : records.assignmentsOf(committeeId)) {
      for (VillageHelpRecords.HelpCase c : records.helpCasesOf(a.key())) {
        // a category no longer offered still counts, under its own key, instead of failing the whole summary
        int[] n = counts.computeIfAbsent(c.category(), k -> new int[5]);
        n[0]++;
        if (c.closedOn() == null) {
          n[1]++;
          if (today.isAfter(c.targetDate())) {
            n[2]++;
          }
        } else {
          n[3]++;
          closingDays.merge(c.category(), ChronoUnit.DAYS.between(c.openedOn(), c.closedOn()), Long::sum);
        }
        if (c.reopenCount() > 0) {
          n[4]++;
        }
      }
    }
    List<CategoryRow> rows = new ArrayList<>();
    counts.forEach((k, n) -> rows.add(new CategoryRow(k, HelpCaseOpened.CATEGORIES.getOrDefault(k, k), n[0], n[1],
        n[2], n[3], n[4], n[3] == 0 ? null : Math.round(10.0 * closingDays.getOrDefault(k, 0L) / n[3]) / 10.0)));
    return rows;
  }

  /** Violations, escalations, recalls, send-backs and dissatisfaction across the committee's assignments. */
  List<EventRow> events(String committeeId, boolean activeOnly) {
    committee(committeeId);
    List<EventRow> rows = new ArrayList<>();
    for (VillageHelpRecords.Assignment a : records.assignmentsOf(committeeId)) {
      if (activeOnly && a.endedOn() != null) {
        continue;
      }
      for (CaseEvent e : records.eventsOf(a.key())) {
        rows.add(new EventRow(a.key(), a.villageName(), e.caseNumber(), e.type().name(), e.type().title(),
            e.ruleCode(), e.description(), e.dueDate(), e.actualDate(), e.userId(), e.occurredAt()));
      }
    }
    rows.sort(Comparator.comparing(EventRow::occurredAt).reversed());
    return rows;
  }

  private static Map<String, Integer> emptyPerCategory() {
    Map<String, Integer> map = new LinkedHashMap<>();
    HelpCaseOpened.CATEGORIES.keySet().forEach(k -> map.put(k, 0));
    return map;
  }

  void committee(String committeeId) {
    organizations.findById(committeeId).filter(o -> o.kind() == OrganizationKind.WORKING_COMMITTEE)
        .orElseThrow(() -> new UnknownCommitteeException(committeeId));
  }
}
