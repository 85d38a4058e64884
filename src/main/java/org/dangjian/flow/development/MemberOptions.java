package org.dangjian.flow.development;

import static org.dangjian.flow.development.MemberDevelopment.Tasks.ASSIGN_CONTACTS;
import static org.dangjian.flow.development.MemberDevelopment.Tasks.ASSIGN_INTRODUCERS;
import static org.dangjian.flow.development.MemberDevelopment.Vars.*;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.spin.plugin.variable.SpinValues;
import org.dangjian.flow.organization.MemberRegistry;
import org.dangjian.flow.organization.PartyMember;
import org.dangjian.flow.system.SystemAccess;
import org.springframework.stereotype.Component;

/**
 * The members step 5 (培养联系人) and step 9 (入党介绍人) offer, by name: the full members in good standing of the
 * case's branch, never the candidate. Set when the task opens and when it is claimed, and again when the registry or
 * the case's branch changes, so the choice is never older than the registry; the form's select reads them (valuesKey)
 * and the trust boundary accepts only a member offered. {@link DevelopmentSteps} still checks the member itself.
 */
@Component("memberOptionsOffered")
public class MemberOptions implements TaskListener {

  private static final Map<String, String> OPTIONS_OF_TASK = Map.of(ASSIGN_CONTACTS, CONTACT_OPTIONS,
      ASSIGN_INTRODUCERS, INTRODUCER_OPTIONS);
  /** A branch has at most a few cases waiting at step 5 or 9 at once; the query is bounded all the same. */
  private static final int MAX_OPEN_TASKS = 500;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final MemberRegistry registry;
  private final TaskService taskService;
  private final RuntimeService runtimeService;
  private final SystemAccess system;

  MemberOptions(MemberRegistry registry, TaskService taskService, RuntimeService runtimeService, SystemAccess system) {
    this.registry = registry;
    this.taskService = taskService;
    this.runtimeService = runtimeService;
    this.system = system;
  }

  @Override
  public void notify(DelegateTask task) {
    String variable = OPTIONS_OF_TASK.get(task.getTaskDefinitionKey());
    if (variable == null) {
      throw new IllegalStateException("no member options for task " + task.getTaskDefinitionKey());
    }
    TypedValue options = options((String) task.getVariable(BRANCH_ID), (Number) task.getVariable(MEMBER_ID));
    if (!sameOptions(task.getVariableTyped(variable), options)) {
      task.getExecution().getProcessInstance().setVariable(variable, options);
    }
  }

  /** The offered members as the select reads them: [{label: "马建国（1001，正式党员）", value: "1001"}, …]. */
  public List<Map<String, String>> offered(String branchId, Number candidateId) {
    return registry.fullMembersInGoodStanding(branchId).stream()
        .filter(m -> candidateId == null || m.id() != candidateId.longValue())
        .map(m -> Map.of("label", label(m), "value", String.valueOf(m.id())))
        .toList();
  }

  static String label(PartyMember m) {
    return m.name() + "（" + m.id() + "，" + m.status().title() + "）";
  }

  /**
   * The registry changed for these branches (a member entered, edited, moved, disciplined): the open steps 5 and 9
   * of their cases offer what the registry says now. Steps of cases started before the choice existed (their form
   * still takes a typed number, and they hold no options) are left alone.
   */
  public void refreshBranches(Collection<String> branchIds) {
    system.run(() -> {
      for (String branchId : new LinkedHashSet<>(branchIds)) {
        if (branchId == null) {
          continue;
        }
        for (Task task : taskService.createTaskQuery().processDefinitionKey(MemberDevelopment.PROCESS_KEY)
            .taskDefinitionKeyIn(ASSIGN_CONTACTS, ASSIGN_INTRODUCERS).processVariableValueEquals(BRANCH_ID, branchId)
            .listPage(0, MAX_OPEN_TASKS)) {
          refreshTask(task);
        }
      }
    });
  }

  /** The case moved to another branch: its open step 5 or 9 offers the new branch's members. */
  void refreshCase(String processInstanceId) {
    for (Task task : taskService.createTaskQuery().processInstanceId(processInstanceId)
        .taskDefinitionKeyIn(ASSIGN_CONTACTS, ASSIGN_INTRODUCERS).listPage(0, MAX_OPEN_TASKS)) {
      refreshTask(task);
    }
  }

  private void refreshTask(Task task) {
    String variable = OPTIONS_OF_TASK.get(task.getTaskDefinitionKey());
    String instance = task.getProcessInstanceId();
    TypedValue current = runtimeService.getVariableTyped(instance, variable);
    if (current == null) {
      return;
    }
    TypedValue options = options((String) runtimeService.getVariable(instance, BRANCH_ID),
        (Number) runtimeService.getVariable(instance, MEMBER_ID));
    if (!sameOptions(current, options)) {
      runtimeService.setVariable(instance, variable, options);
    }
  }

  private TypedValue options(String branchId, Number candidateId) {
    try {
      return SpinValues.jsonValue(JSON.writeValueAsString(offered(branchId, candidateId))).create();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Unchanged options are not written again: every write is a row in the case's history. */
  private static boolean sameOptions(TypedValue current, TypedValue next) {
    String text = json(current);
    if (text == null) {
      return false;
    }
    try {
      return JSON.readTree(text).equals(JSON.readTree(json(next)));
    } catch (JsonProcessingException e) {
      return false;
    }
  }

  /** The JSON text of a Json variable, as read from the engine (a Spin node) or as built here (serialized only). */
  private static String json(TypedValue value) {
    if (value == null) {
      return null;
    }
    if (value.getValue() != null) {
      return value.getValue().toString();
    }
    return value instanceof SerializableValue s ? s.getValueSerialized() : null;
  }
}
