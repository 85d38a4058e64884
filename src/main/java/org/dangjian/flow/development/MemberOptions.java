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
import java.util.Set;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.spin.plugin.variable.SpinValues;
import org.dangjian.flow.organization.MemberRegistry;
import org.dangjian.flow.organization.MemberStatus;
import org.dangjian.flow.organization.Organization;
import org.dangjian.flow.organization.OrganizationKind;
import org.dangjian.flow.organization.OrganizationRepository;
import org.dangjian.flow.system.SystemAccess;
import org.springframework.stereotype.Component;

/**
 * The members step 5 (培养联系人) and step 9 (入党介绍人) offer, by name: the full members of the case's branch and
 * of the other branches of its committee, never one under 留党察看, never the candidate. Set when the task opens and
 * when it is claimed, and again when the registry or the case's branch changes, so the choice is never older than the registry; the form's select reads them (valuesKey)
 * and the trust boundary accepts only a member offered. {@link DevelopmentSteps} still checks the member itself.
 */
@Component("memberOptionsOffered")
public class MemberOptions implements TaskListener {

  private static final Map<String, String> OPTIONS_OF_TASK = Map.of(ASSIGN_CONTACTS, CONTACT_OPTIONS,
      ASSIGN_INTRODUCERS, INTRODUCER_OPTIONS);
  /** A branch has at most a few cases waiting at step 5 or 9 at once; the query is bounded all the same. */
  private static final int MAX_OPEN_TASKS = 500;
  private static final ObjectMapper JSON = new ObjectMapper();
  /** Beside the options, why a member of the branches is not offered: {@link FormContract}'s refusal names them. */
  static final String REFUSED = org.dangjian.flow.system.FormContract.REFUSED_SUFFIX;

  private final MemberRegistry registry;
  /** The branches changed inside {@link #refreshingOnce}, on this thread. */
  private final ThreadLocal<Set<String>> pending = new ThreadLocal<>();
  private final TaskService taskService;
  private final RuntimeService runtimeService;
  private final SystemAccess system;
  private final OrganizationRepository organizations;

  MemberOptions(MemberRegistry registry, TaskService taskService, RuntimeService runtimeService, SystemAccess system,
      OrganizationRepository organizations) {
    this.organizations = organizations;
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
    String branchId = (String) task.getVariable(BRANCH_ID);
    Number candidate = (Number) task.getVariable(MEMBER_ID);
    TypedValue options = json(offered(branchId, candidate));
    if (!sameOptions(task.getVariableTyped(variable), options)) {
      task.getExecution().getProcessInstance().setVariable(variable, options);
    }
    TypedValue refused = json(refused(branchId, candidate));
    if (!sameOptions(task.getVariableTyped(variable + REFUSED), refused)) {
      task.getExecution().getProcessInstance().setVariable(variable + REFUSED, refused);
    }
  }

  /**
   * The offered members as the select reads them: the case's branch first, then the other branches of the same
   * committee (naming one of those needs a reason, which the form asks for when {@code otherBranch} is true):
   * [{label: "马建国（1001，正式党员）", value: "1001", otherBranch: false}, {label: "高明（1011，法院党支部，正式党员）",
   * value: "1011", otherBranch: true}, …]; a 警告 or 严重警告 on record is named ("…，党纪处分：警告）"), since it
   * leaves the member's rights. A member under 留党察看 is not offered.
   */
  public List<Map<String, Object>> offered(String branchId, Number candidateId) {
    return members(branchId, candidateId).stream()
        .filter(m -> PeopleNamed.disciplineAllows(m.member.disciplineStatus()))
        .map(m -> Map.<String, Object>of("label", m.label(), "value", String.valueOf(m.member.id()),
            "otherBranch", m.branchName != null))
        .toList();
  }

  /** Why a full member of these branches is not offered (留党察看), by member number: what a refusal says. */
  public Map<String, String> refused(String branchId, Number candidateId) {
    Map<String, String> refused = new java.util.LinkedHashMap<>();
    members(branchId, candidateId).stream().filter(m -> !PeopleNamed.disciplineAllows(m.member.disciplineStatus()))
        .forEach(m -> refused.put(String.valueOf(m.member.id()), m.member.name() + "（" + m.member.id()
            + "）正在留党察看期间，没有表决权、选举权和被选举权，不能担任培养联系人或入党介绍人"));
    return refused;
  }

  private record Offer(MemberRegistry.FullMember member, String branchName) {
    /** What a clerk picks by: name and number, the branch when not the case's own, a 党纪处分 when there is one. */
    String label() {
      String discipline = member.disciplineStatus() == null || "none".equals(member.disciplineStatus()) ? ""
          : "，党纪处分：" + PeopleNamed.disciplineTitle(member.disciplineStatus());
      return member.name() + "（" + member.id() + "，" + (branchName == null ? "" : branchName + "，")
          + MemberStatus.FULL.title() + discipline + "）";
    }
  }

  private List<Offer> members(String branchId, Number candidateId) {
    if (branchId == null) {
      return List.of();
    }
    List<Organization> branches = sameCommittee(branchId);
    Map<String, String> names = new java.util.HashMap<>();
    branches.forEach(b -> names.put(b.id(), b.name()));
    List<Offer> own = new java.util.ArrayList<>();
    List<Offer> others = new java.util.ArrayList<>();
    for (MemberRegistry.FullMember m : registry.fullMembersOf(names.keySet())) {
      if (candidateId != null && m.id() == candidateId.longValue()) {
        continue;
      }
      if (branchId.equals(m.branchId())) {
        own.add(new Offer(m, null));
      } else {
        others.add(new Offer(m, names.get(m.branchId())));
      }
    }
    List<String> order = branches.stream().map(Organization::id).toList();
    others.sort(java.util.Comparator.comparingInt((Offer o) -> order.indexOf(o.member.branchId()))
        .thenComparingLong(o -> o.member.id()));
    own.addAll(others);
    return own;
  }

  /**
   * The branch and the open branches under the same approving committee (基层党委), the branch first. The tree is read
   * once and walked in memory: asked organization by organization it cost a few queries per branch of the committee
   * for every step opened and every member imported, which made a 2,000-member import three times slower.
   */
  private List<Organization> sameCommittee(String branchId) {
    Map<String, Organization> byId = organizations.tree();
    Organization branch = byId.get(branchId);
    if (branch == null) {
      return List.of();
    }
    List<Organization> branches = new java.util.ArrayList<>(List.of(branch));
    String committee = approvingCommitteeOf(branchId, byId);
    if (committee == null) {
      return branches;
    }
    Set<String> closed = organizations.closedIds();
    for (Organization b : byId.values()) {
      if (b.kind() == OrganizationKind.BRANCH && !b.id().equals(branchId) && !closed.contains(b.id())
          && committee.equals(approvingCommitteeOf(b.id(), byId))) {
        branches.add(b);
      }
    }
    return branches;
  }

  /** As {@link OrganizationRepository#approvingCommitteeOf}, on a tree already read. */
  private static String approvingCommitteeOf(String organizationId, Map<String, Organization> byId) {
    return OrganizationRepository.withAncestors(organizationId, byId).stream().skip(1)
        .filter(Organization::approvesAdmission).map(Organization::id).findFirst().orElse(null);
  }

  /**
   * The registry changed for these branches (a member entered, edited, moved, disciplined): the open steps 5 and 9
   * of their cases offer what the registry says now. Steps of cases started before the choice existed (their form
   * still takes a typed number, and they hold no options) are left alone.
   */
  public void refreshBranches(Collection<String> branchIds) {
    Set<String> later = pending.get();
    if (later != null) {
      branchIds.stream().filter(java.util.Objects::nonNull).forEach(later::add);
      return;
    }
    system.run(() -> {
      // the steps of a branch offer the members of the other branches of its committee too
      Set<String> affected = new LinkedHashSet<>();
      for (String branchId : branchIds) {
        if (branchId != null) {
          sameCommittee(branchId).forEach(b -> affected.add(b.id()));
          affected.add(branchId);
        }
      }
      for (String branchId : affected) {
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

  /**
   * Many registry changes in a row (an import's 党员名册 sheet): the open steps of the branches they touch are
   * refreshed once, after the work, instead of after each member. Work that fails refreshes nothing.
   */
  public void refreshingOnce(Runnable work) {
    if (pending.get() != null) {
      work.run();
      return;
    }
    Set<String> branches = new LinkedHashSet<>();
    pending.set(branches);
    try {
      work.run();
    } finally {
      pending.remove();
    }
    refreshBranches(branches);
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
    String branchId = (String) runtimeService.getVariable(instance, BRANCH_ID);
    Number candidate = (Number) runtimeService.getVariable(instance, MEMBER_ID);
    TypedValue options = json(offered(branchId, candidate));
    if (!sameOptions(current, options)) {
      runtimeService.setVariable(instance, variable, options);
    }
    TypedValue refused = json(refused(branchId, candidate));
    if (!sameOptions(runtimeService.getVariableTyped(instance, variable + REFUSED), refused)) {
      runtimeService.setVariable(instance, variable + REFUSED, refused);
    }
  }

  private static TypedValue json(Object value) {
    try {
      return SpinValues.jsonValue(JSON.writeValueAsString(value)).create();
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
