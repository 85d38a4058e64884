package org.dangjian.flow.development;

import static org.dangjian.flow.development.MemberDevelopment.Events.*;
import static org.dangjian.flow.development.MemberDevelopment.Vars.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.dangjian.flow.audit.CaseEventLog;
import org.dangjian.flow.audit.CaseEventType;
import org.dangjian.flow.organization.MemberRegistry;
import org.dangjian.flow.system.BusinessCalendar;
import org.dangjian.flow.system.CaseDeleted;
import org.springframework.stereotype.Component;

/**
 * At each end of a case short of full membership, the registry entry ends with the reason; also when an
 * administrator deletes the case, so that its applicant's ID number is free again (one open case per person).
 */
@Component("caseClosed")
class CaseClosed implements ExecutionListener, CaseDeleted {

  private final MemberRegistry registry;
  private final CaseEventLog events;

  CaseClosed(MemberRegistry registry, CaseEventLog events) {
    this.registry = registry;
    this.events = events;
  }

  @Override
  public void notify(DelegateExecution execution) {
    long memberId = ((Number) execution.getVariable(MEMBER_ID)).longValue();
    switch (execution.getCurrentActivityId()) {
      case FULL_MEMBER -> { }
      case WITHDRAWN -> {
        String reason = (String) execution.getVariable(WITHDRAW_REASON);
        registry.end(memberId, "撤回或终止：" + reason);
        events.append(new CaseEventLog.Entry(execution.getProcessInstanceId(),
            (String) execution.getVariable(CASE_NUMBER), CaseEventType.WITHDRAWAL, null, WITHDRAWN, reason, null,
            BusinessCalendar.today(), (String) execution.getVariable(WITHDRAWN_BY)));
      }
      default -> registry.end(memberId, (String) execution.getVariable(END_REASON));
    }
  }

  @Override
  public void deleted(String processDefinitionKey, String processInstanceId, String businessKey, String reason) {
    if (MemberDevelopment.PROCESS_KEY.equals(processDefinitionKey) && businessKey != null) {
      registry.endOpenCase(businessKey, "案件已被系统管理员删除" + (reason == null || reason.isBlank() ? "" : "：" + reason));
    }
  }
}
