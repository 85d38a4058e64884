package org.dangjian.flow.villagehelp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.dangjian.flow.ProcessTestSupport;
import org.dangjian.flow.audit.CaseEvent;
import org.dangjian.flow.audit.CaseEventLog;
import org.dangjian.flow.audit.CaseEventType;
import org.dangjian.flow.villagehelp.VillageHelp.Events;
import org.dangjian.flow.villagehelp.VillageHelp.Tasks;
import org.springframework.beans.factory.annotation.Autowired;

/** Drives VillageHelpProcess and HelpCaseProcess on the real engine, moving the engine clock for timers. */
abstract class VillageHelpTestSupport extends ProcessTestSupport {

  static final String COMMITTEE_CLERK = "gxq.clerk";
  static final String UNIT_HEAD = "guitu.head";
  static final String FIRST_SECRETARY = "donghu.firstsec";
  static final String TEAMMATE = "donghu.teammate";
  static final String VILLAGE_CLERK = "donghu.clerk";

  @Autowired CaseEventLog events;
  @Autowired VillageHelpRecords records;

  /** A village name no earlier run used, so business keys stay unique on a database that is not emptied. */
  static String newVillageName() {
    return "测试村" + UUID.randomUUID().toString().substring(0, 8);
  }

  static Map<String, Object> assignment(String termStart, String termEnd, String visitDeadline) {
    Map<String, Object> v = new HashMap<>();
    v.put("villageName", newVillageName());
    v.put("townshipName", "东湖镇");
    v.put("villageId", "donghu");
    v.put("helpUnitId", "unit-guitu");
    v.put("firstSecretaryUserId", FIRST_SECRETARY);
    v.put("unitHeadUserId", UNIT_HEAD);
    v.put("termStart", termStart);
    v.put("termEnd", termEnd);
    v.put("visitDeadline", visitDeadline);
    return v;
  }

  ProcessInstance start(String key, String user, Map<String, Object> variables) {
    login(user);
    try {
      return runtimeService.startProcessInstanceByKey(key, variables);
    } finally {
      identityService.clearAuthentication();
    }
  }

  /** A one-year term 2025-01-01 to 2025-12-31, the visit due by 2025-03-31, started on 2025-01-05. */
  ProcessInstance newAssignment() {
    today("2025-01-05");
    return start(VillageHelp.PROCESS_KEY, COMMITTEE_CLERK, assignment("2025-01-01", "2025-12-31", "2025-03-31"));
  }

  boolean hasTimer(ProcessInstance pi, String activityId) {
    return managementService.createJobQuery().processInstanceId(pi.getId()).activityId(activityId).count() > 0;
  }

  String key(ProcessInstance pi) {
    return (String) runtimeService.getVariable(pi.getId(), VillageHelp.Vars.ASSIGNMENT_KEY);
  }

  List<CaseEvent> eventsOf(ProcessInstance pi, CaseEventType type) {
    return events.forProcessInstance(pi.getId()).stream().filter(e -> e.type() == type).toList();
  }

  /** The monthly reports of the whole term, each with the given days in the village and absences. */
  void reportEveryMonth(ProcessInstance pi, int daysInVillage, int... absencesPerMonth) {
    int month = 0;
    while (hasTimer(pi, Events.MONTH_ENDS)) {
      fireTimer(pi, Events.MONTH_ENDS);
      String reportMonth = (String) runtimeService.getVariable(pi.getId(), "reportMonth");
      int absences = month < absencesPerMonth.length ? absencesPerMonth[month] : 0;
      complete(pi, Tasks.MONTHLY_REPORT, currentFirstSecretary(pi), "reportMonth", reportMonth, "daysInVillage",
          daysInVillage, "workSummary", "走访农户，协调项目", "unexcusedAbsences", absences);
      month++;
    }
  }

  String currentFirstSecretary(ProcessInstance pi) {
    return (String) runtimeService.getVariable(pi.getId(), "firstSecretaryUserId");
  }
}
