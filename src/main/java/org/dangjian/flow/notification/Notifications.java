package org.dangjian.flow.notification;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.dangjian.flow.audit.CaseEventLog;
import org.dangjian.flow.audit.CaseEventType;
import org.dangjian.flow.system.BusinessCalendar;
import org.dangjian.flow.system.CaseTitle;
import org.dangjian.flow.villagehelp.VillageHelp;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Queues the messages of an event in the event's own transaction: a new task to its holders, a reminder to the
 * holders of the late step, an escalation to the body that supervises it. Nothing is queued while no channel is
 * configured (mail off): switched on later, nobody gets a flood of old news.
 */
@Component
class Notifications {

  static final String SIGNATURE = "\n\n——\n党建工作流自动发送，请勿回复。不想再收到此类邮件：通知设置（GET/PUT /api/me/notifications）。";

  private final Outbox outbox;
  private final Holders holders;
  private final NotificationProperties properties;
  private final ObjectProvider<CaseTitle> titles;
  private final TaskService tasks;
  private final RuntimeService runtime;
  private final Clock clock;
  private volatile List<NotificationChannel> channels;

  Notifications(Outbox outbox, Holders holders, NotificationProperties properties, ObjectProvider<CaseTitle> titles,
      TaskService tasks, RuntimeService runtime, List<NotificationChannel> channels) {
    this.outbox = outbox;
    this.holders = holders;
    this.properties = properties;
    this.titles = titles;
    this.tasks = tasks;
    this.runtime = runtime;
    this.clock = Clock.systemUTC();
    this.channels = List.copyOf(channels);
  }

  boolean enabled() {
    return !channels.isEmpty();
  }

  List<NotificationChannel> channels() {
    return channels;
  }

  /** Tests reach their own SMTP server without a context of their own; returns the channels before. */
  List<NotificationChannel> useChannels(List<NotificationChannel> replacement) {
    List<NotificationChannel> before = channels;
    channels = List.copyOf(replacement);
    return before;
  }

  /** A user task opened: its holders are told, each once (the task's id is the event). */
  void taskCreated(DelegateTask task) {
    if (!enabled()) {
      return;
    }
    List<String> users = new ArrayList<>();
    List<String> groups = new ArrayList<>();
    for (IdentityLink link : task.getCandidates()) {
      if (IdentityLinkType.CANDIDATE.equals(link.getType())) {
        if (link.getGroupId() != null) {
          groups.add(link.getGroupId());
        } else if (link.getUserId() != null) {
          users.add(link.getUserId());
        }
      }
    }
    String title = title(task);
    String link = properties.taskLink(task.getId());
    String subject = "【党建工作流】新待办：" + task.getName() + (title == null ? "" : "（" + title + "）");
    for (Holders.Person person : holders.of(task.getAssignee(), users, groups)) {
      String body = person.name() + "同志：\n\n您有一项新的待办事项。\n" + facts(title, task.getName(), task.getDueDate())
          + "\n请在任务办理中办理：\n" + link + SIGNATURE;
      outbox.enqueue("task:" + task.getId(), Outbox.Kind.NEW_TASK, person.id(), subject, body, link, clock.instant());
    }
  }

  /** A reminder or an escalation recorded (case_event): queued with it, keyed by the record's id. */
  @EventListener
  void caseEventAppended(CaseEventLog.Appended appended) {
    CaseEventLog.Entry event = appended.entry();
    if (!enabled() || (event.type() != CaseEventType.REMINDER && event.type() != CaseEventType.ESCALATION)) {
      return;
    }
    String instance = event.processInstanceId();
    // the steps open before this event; a task opened in the same transaction (a 2a 督办) is told as a new task
    List<Task> open = tasks.createTaskQuery().processInstanceId(instance).orderByTaskCreateTime().asc()
        .listPage(0, 20);
    Task late = open.isEmpty() ? null : open.get(0);
    List<Holders.Person> audience = new ArrayList<>();
    String group = event.type() == CaseEventType.ESCALATION ? escalationGroup(event, instance) : null;
    if (group != null) {
      audience.addAll(holders.of(null, List.of(), List.of(group)));
    } else {
      for (Task task : open) {
        holders.of(task).stream().filter(p -> audience.stream().noneMatch(a -> a.id().equals(p.id())))
            .forEach(audience::add);
      }
    }
    Object caseTitle = runtime.getVariable(instance, CaseTitle.VARIABLE);
    String title = caseTitle != null ? caseTitle.toString() : event.caseNumber();
    String link = late == null ? properties.tasklistLink() : properties.taskLink(late.getId());
    Outbox.Kind kind = event.type() == CaseEventType.REMINDER ? Outbox.Kind.REMINDER : Outbox.Kind.ESCALATION;
    String subject = "【党建工作流】" + (kind == Outbox.Kind.REMINDER ? "提醒" : "督办") + "：" + event.description();
    for (Holders.Person person : audience) {
      String body = person.name() + "同志：\n\n" + event.description() + "\n"
          + facts(title, late == null ? null : late.getName(), null)
          + (event.dueDate() == null ? "" : "应完成日期：" + event.dueDate() + "\n")
          + "\n查看并办理：\n" + link + SIGNATURE;
      outbox.enqueue("event:" + appended.id(), kind, person.id(), subject, body, link, clock.instant());
    }
  }

  /**
   * Who an escalation is reported to: the working committee's organization department for the 3-month approval
   * deadline, the working committee's clerks for a secretary reviewed 差 (述职评议), the case's committee for every other; a help case past its target date is first
   * given to the first secretary, who then holds it (null: the holders of its open step).
   */
  private String escalationGroup(CaseEventLog.Entry event, String instance) {
    if ("ADMISSION_APPROVAL_WITHIN_3_MONTHS".equals(event.ruleCode())) {
      return text(runtime.getVariable(instance, "orgDeptGroup"));
    }
    // 述职评议: a secretary reviewed 差 is reported to the working committee (spec branch-life.md, step 5)
    if ("SECRETARY_REVIEW_POOR".equals(event.ruleCode())) {
      return text(runtime.getVariable(instance, "workingCommitteeClerkGroup"));
    }
    if ("HELP_CASE_TARGET_DATE".equals(event.ruleCode())
        && Objects.equals(1, runtime.getVariable(instance, VillageHelp.Vars.ESCALATION_LEVEL))) {
      return null;
    }
    return text(runtime.getVariable(instance, "committeeClerkGroup"));
  }

  static String facts(String title, String step, Date due) {
    StringBuilder text = new StringBuilder();
    if (title != null) {
      text.append("事项：").append(title).append('\n');
    }
    if (step != null) {
      text.append("步骤：").append(step).append('\n');
    }
    if (due != null) {
      text.append("到期：").append(lastDay(due)).append('\n');
    }
    return text.toString();
  }

  /** The last day a task is due: a deadline within a day is stored as the next day's 00:00. */
  static LocalDate lastDay(Date due) {
    return due.toInstant().minusMillis(1).atZone(BusinessCalendar.ZONE).toLocalDate();
  }

  /** The case's title as Tasklist shows it; computed here too, since its own listener may run after this one. */
  private String title(DelegateTask task) {
    Object own = task.getVariableLocal(CaseTitle.VARIABLE);
    if (own != null) {
      return own.toString();
    }
    DelegateExecution execution = task.getExecution();
    if (execution == null) {
      return null;
    }
    String processKey = ((ExecutionEntity) execution.getProcessInstance()).getProcessDefinition().getKey();
    return titles.orderedStream().filter(t -> t.processKeys().contains(processKey))
        .map(t -> t.title(processKey, execution)).filter(Objects::nonNull).findFirst()
        .orElseGet(() -> execution.getProcessBusinessKey());
  }

  private static String text(Object value) {
    return value == null || value.toString().isBlank() ? null : value.toString();
  }
}
