package org.dangjian.flow.grading;

import static org.dangjian.flow.grading.Grading.Vars.*;

import java.time.LocalDate;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.dangjian.flow.system.BusinessCalendar;
import org.dangjian.flow.system.StepRefusedException;
import org.springframework.stereotype.Component;

/** 公示 objections: anyone may lodge one while the publicity runs; each becomes Task_HandleObjection. */
@Component
class GradingObjections {

  static class GradingNotFoundException extends RuntimeException {
    GradingNotFoundException(String message) {
      super(message);
    }
  }

  private final RuntimeService runtime;

  GradingObjections(RuntimeService runtime) {
    this.runtime = runtime;
  }

  /** Returns the process instance id of the grading objected to. */
  String lodge(String organizationId, int year, String text, String lodgedBy) {
    ProcessInstance grading = runtime.createProcessInstanceQuery().processDefinitionKey(Grading.PROCESS_KEY)
        .processInstanceBusinessKey(Grading.businessKey(organizationId, year)).active().singleResult();
    if (grading == null) {
      throw new GradingNotFoundException("没有进行中的定级：" + organizationId + " " + year + "年度");
    }
    String trimmed = text == null ? "" : text.trim();
    if (trimmed.isEmpty()) {
      throw new StepRefusedException("请填写异议内容（" + OBJECTION_TEXT + "）");
    }
    if (trimmed.length() > 1000) {
      throw new StepRefusedException("异议内容不能超过1000个字");
    }
    boolean inPublicity = runtime.createEventSubscriptionQuery().processInstanceId(grading.getId())
        .eventName(Grading.OBJECTION_MESSAGE).count() > 0;
    Object end = runtime.getVariable(grading.getId(), PUBLICITY_END_DATE);
    LocalDate today = BusinessCalendar.today();
    if (!inPublicity || end == null || today.isAfter(LocalDate.parse(end.toString()))) {
      throw new StepRefusedException("该定级结果不在公示期内，不能提出异议"
          + (end == null ? "" : "（公示截止 " + end + "）"));
    }
    runtime.createMessageCorrelation(Grading.OBJECTION_MESSAGE).processInstanceId(grading.getId())
        .setVariablesLocal(Map.of(OBJECTION_TEXT, trimmed, OBJECTION_BY, lodgedBy == null ? "匿名" : lodgedBy,
            "objectionDate", today.toString()))
        .correlateWithResult();
    return grading.getId();
  }
}
