package org.dangjian.flow.branchlife;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.dangjian.flow.branchlife.BranchMeetingRules.Due;
import org.dangjian.flow.branchlife.BranchMeetingRules.Meeting;
import org.dangjian.flow.organization.Organization;
import org.dangjian.flow.system.BusinessCalendar;
import org.dangjian.flow.system.Spreadsheets;
import org.springframework.stereotype.Service;

/**
 * What the committee sees of its branches' 三会一课 (branch-life.md): per branch and period (each month with its
 * monthly meetings, each quarter with all that fell due in it), meetings held against due, the attendance rate,
 * the violations recorded and the quarter's review. Periods not begun yet are left out.
 */
@Service
class BranchMeetingsOverview {

  record PeriodRow(String branchId, String branchName, String period, String periodTitle, String periodKind,
      int due, int held, int meetings, Double attendanceRate, int violations, String review) {
  }

  static class UnknownOrganizationException extends RuntimeException {
    UnknownOrganizationException(String message) {
      super(message);
    }
  }

  private final BranchMeetingsOrganizations organizations;
  private final BranchMeetingsRepository meetings;

  BranchMeetingsOverview(BranchMeetingsOrganizations organizations, BranchMeetingsRepository meetings) {
    this.organizations = organizations;
    this.meetings = meetings;
  }

  Organization committee(String committeeId) {
    return organizations.find(committeeId).filter(BranchMeetingsOrganizations::isCommittee)
        .orElseThrow(() -> new UnknownOrganizationException("党委（工委）“" + committeeId + "”不存在"));
  }

  List<Organization> committees() {
    return organizations.committees();
  }

  Organization branch(String branchId) {
    return organizations.find(branchId).filter(Organization::isBranch)
        .orElseThrow(() -> new UnknownOrganizationException("党支部“" + branchId + "”不存在"));
  }

  List<PeriodRow> ofCommittee(String committeeId, int year) {
    committee(committeeId);
    List<Organization> branches = organizations.branchesOf(committeeId);
    // the branches with the year: one query for all of them (checkedFrom has a row per branch year)
    Set<String> withYear = meetings.checkedFrom(branches.stream().map(Organization::id).toList(), year).keySet();
    return rows(branches.stream().filter(b -> withYear.contains(b.id())).toList(), year);
  }

  List<PeriodRow> ofBranch(String branchId, int year) {
    Organization branch = branch(branchId);
    return meetings.year(branchId, year).isPresent() ? rows(List.of(branch), year) : List.of();
  }

  private List<PeriodRow> rows(List<Organization> branches, int year) {
    List<String> ids = branches.stream().map(Organization::id).toList();
    Map<String, List<Meeting>> held = meetings.meetingsOf(ids, year).stream().collect(Collectors.groupingBy(
        r -> (String) r[0], Collectors.mapping(r -> (Meeting) r[1], Collectors.toList())));
    Map<String, List<BranchMeetingsRepository.Miss>> misses = meetings.misses(ids, year).stream()
        .collect(Collectors.groupingBy(BranchMeetingsRepository.Miss::branchId));
    Map<String, List<BranchMeetingsRepository.Review>> reviews = meetings.reviews(ids, year).stream()
        .collect(Collectors.groupingBy(BranchMeetingsRepository.Review::branchId));
    Map<String, Integer> checkedFrom = meetings.checkedFrom(ids, year);
    Map<String, List<String>> partyGroups = meetings.partyGroupsOf(ids);
    LocalDate today = BusinessCalendar.today();
    List<PeriodRow> rows = new ArrayList<>();
    for (Organization branch : branches) {
      // periods before the checks began (a branch founded or going live during the year) are not shown as due
      int firstMonth = checkedFrom.getOrDefault(branch.id(), 1);
      List<String> groups = partyGroups.getOrDefault(branch.id(), List.of());
      List<Meeting> own = held.getOrDefault(branch.id(), List.of());
      for (int q = 1; q <= 4; q++) {
        MeetingPeriod quarter = MeetingPeriod.quarter(year, q);
        if (quarter.firstDay().isAfter(today)) {
          break;
        }
        if (q * 3 < firstMonth) {
          continue;
        }
        for (int i = 0; i < 3; i++) {
          MeetingPeriod month = MeetingPeriod.of(MeetingPeriod.Length.MONTH, quarter.firstDay().plusMonths(i));
          if (!month.firstDay().isAfter(today) && month.firstDay().getMonthValue() >= firstMonth) {
            List<Due> due = BranchMeetingRules.dueWhenMonthEnds(month, groups).stream()
                .filter(d -> d.period().equals(month)).toList();
            rows.add(row(branch, month, "month", due, own, misses, null));
          }
        }
        int quarterNumber = q;
        String review = reviews.getOrDefault(branch.id(), List.of()).stream()
            .filter(r -> r.quarter() == quarterNumber).findFirst()
            .map(r -> "pass".equals(r.result()) ? "通过" : r.rectifiedOn() != null ? "责令整改（已整改）" : "责令整改")
            .orElse(null);
        rows.add(row(branch, quarter, "quarter", BranchMeetingRules.dueInQuarter(quarter, groups), own, misses,
            review));
      }
    }
    return rows;
  }

  private static PeriodRow row(Organization branch, MeetingPeriod period, String periodKind, List<Due> due,
      List<Meeting> meetings, Map<String, List<BranchMeetingsRepository.Miss>> misses, String review) {
    List<Meeting> in = meetings.stream().filter(m -> period.contains(m.date())).toList();
    int held = (int) due.stream().filter(d -> BranchMeetingRules.held(d, in)).count();
    int violations = (int) misses.getOrDefault(branch.id(), List.of()).stream()
        .filter(m -> m.period().equals(period.label()) || (period.length() == MeetingPeriod.Length.QUARTER
            && !m.period().contains("Q") && period.contains(LocalDate.parse(m.period() + "-01"))))
        .count();
    return new PeriodRow(branch.id(), branch.name(), period.label(), period.title(), periodKind, due.size(), held,
        in.size(), in.isEmpty() ? null : Math.round(BranchMeetingRules.attendanceRate(in) * 1000) / 1000.0,
        violations, review);
  }

  byte[] xlsx(Organization committee, int year, List<PeriodRow> rows) {
    try (XSSFWorkbook book = new XSSFWorkbook()) {
      Spreadsheets look = new Spreadsheets(book);
      Sheet sheet = book.createSheet("三会一课");
      String[] titles = {"党支部", "周期", "应开会议", "已开", "记录会议次数", "出勤率", "违规记录", "季审结果"};
      look.header(sheet, 0, titles);
      int n = 1;
      for (PeriodRow r : rows) {
        Row row = sheet.createRow(n++);
        look.text(row, 0, r.branchName());
        look.text(row, 1, r.periodTitle());
        look.number(row, 2, r.due());
        look.number(row, 3, r.held());
        look.number(row, 4, r.meetings());
        look.text(row, 5, r.attendanceRate() == null ? "" : BranchMeetingRules.percent(r.attendanceRate()));
        look.number(row, 6, r.violations());
        look.text(row, 7, r.review() == null ? "" : r.review());
      }
      look.table(sheet, 0, n - 1, titles.length);
      look.widths(sheet, 18, 16, 10, 8, 12, 9, 9, 18);
      book.getProperties().getCoreProperties().setTitle(committee.name() + " " + year + "年度三会一课");
      return look.bytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
