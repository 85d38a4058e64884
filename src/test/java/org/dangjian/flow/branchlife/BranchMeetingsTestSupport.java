package org.dangjian.flow.branchlife;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.dangjian.flow.ProcessTestSupport;
import org.dangjian.flow.audit.CaseEvent;
import org.dangjian.flow.audit.CaseEventLog;
import org.dangjian.flow.audit.CaseEventType;
import org.dangjian.flow.organization.MemberRegistry;
import org.dangjian.flow.organization.MemberStatus;
import org.dangjian.flow.organization.Organization;
import org.dangjian.flow.organization.OrganizationKind;
import org.dangjian.flow.organization.OrganizationRepository;
import org.dangjian.flow.organization.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Drives 三会一课 on the real engine and database. Each test records the meetings of branches of its own, created
 * under 高新区机关党委 (or a committee of its own), so the suite also runs on a PostgreSQL database that keeps
 * earlier runs.
 */
abstract class BranchMeetingsTestSupport extends ProcessTestSupport {

  static final String BRANCH_CLERK = "guitu.clerk";
  static final String COMMITTEE_CLERK = "jg.clerk";
  static final String GROUP = "第一党小组";

  @Autowired OrganizationRepository organizations;
  @Autowired MemberRegistry registry;
  @Autowired JdbcTemplate jdbc;
  @Autowired CaseEventLog events;
  @Autowired BranchMeetingsRepository meetings;

  String newOrganization(String parentId, OrganizationKind kind) {
    String id = "m" + UUID.randomUUID().toString().substring(0, 8);
    organizations.save(new Organization(id, "测试支部" + id, kind, parentId,
        kind == OrganizationKind.PARTY_COMMITTEE), 99);
    return id;
  }

  /** A branch under 机关党委 whose clerk is {@link #BRANCH_CLERK}, with one 党小组 ({@link #GROUP}) of two members. */
  String newBranch() {
    String branch = newOrganization("gxq-jg", OrganizationKind.BRANCH);
    join(BRANCH_CLERK, Role.CLERK.groupOf(branch));
    for (String name : List.of("张一", "李二")) {
      long id = registry.add(new MemberRegistry.NewPerson(name, "male", java.time.LocalDate.of(1980, 1, 1), null,
          branch, MemberStatus.FULL, null, null));
      jdbc.update("update party_member set party_group = ? where id = ?", GROUP, id);
    }
    return branch;
  }

  /** As the campaign starts it: by the engine, no user logged in. */
  /** A year checked from January, as if the branch had kept its records here all year. */
  ProcessInstance startYear(String branchId, int year) {
    return runtimeService.startProcessInstanceByKey(BranchMeetings.PROCESS_KEY,
        Map.of("branchId", branchId, "year", year, "checkedFromMonth", 1));
  }

  /** Records a meeting as the branch clerk with sensible values for the rest of the form. */
  void record(ProcessInstance pi, String kind, String date, Object... more) {
    Object[] base = {"meetingKind", kind, "meetingDate", date, "topic", "学习贯彻党的二十届四中全会精神",
        "firstTopic", "习近平总书记重要讲话", "attendeesEntitled", 10, "attendeesPresent", 9,
        "absentees", "郭志强（出差）", "minutes", "会议记录：传达学习，讨论发言。"};
    Object[] all = new Object[base.length + more.length];
    System.arraycopy(base, 0, all, 0, base.length);
    System.arraycopy(more, 0, all, base.length, more.length);
    // later keys win: (key, value) pairs are put in order
    complete(task(pi, BranchMeetings.Tasks.RECORD_MEETING), BRANCH_CLERK, all);
  }

  Task recordTask(ProcessInstance pi) {
    return task(pi, BranchMeetings.Tasks.RECORD_MEETING);
  }

  List<CaseEvent> events(ProcessInstance pi, CaseEventType type) {
    return events.forProcessInstance(pi.getId()).stream().filter(e -> e.type() == type).toList();
  }
}
