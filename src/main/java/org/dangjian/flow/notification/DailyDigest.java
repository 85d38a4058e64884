package org.dangjian.flow.notification;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.dangjian.flow.system.BusinessCalendar;
import org.dangjian.flow.system.CaseTitle;
import org.springframework.stereotype.Component;

/**
 * 每日待办: once a day, each person holding open tasks that are overdue or due within
 * {@code dueSoonDays} gets one message listing them, each with its link. Queued in the outbox under
 * {@code digest:<day>}, so a second node, or a second run the same day, queues nothing more.
 */
@Component
class DailyDigest {

  private static final int PAGE = 500;
  private static final int MAX_TASKS = 20_000;

  private final TaskService tasks;
  private final Holders holders;
  private final Outbox outbox;
  private final Notifications notifications;
  private final NotificationProperties properties;
  private final Clock clock = Clock.systemUTC();

  DailyDigest(TaskService tasks, Holders holders, Outbox outbox, Notifications notifications,
      NotificationProperties properties) {
    this.tasks = tasks;
    this.holders = holders;
    this.outbox = outbox;
    this.notifications = notifications;
    this.properties = properties;
  }

  /** One line of a digest: a task, the last day it is due, the case it belongs to. */
  record Entry(String taskId, String step, String title, LocalDate lastDay) {
  }

  /** Queues the digests of that day; returns how many were queued (none when they already were). */
  int queue(LocalDate day) {
    if (!notifications.enabled()) {
      return 0;
    }
    Map<String, List<Entry>> byPerson = new LinkedHashMap<>();
    Map<String, Holders.Person> people = new LinkedHashMap<>();
    java.util.Date until = BusinessCalendar.startOf(day.plusDays(properties.dueSoonDays() + 1L));
    for (int first = 0; first < MAX_TASKS; first += PAGE) {
      List<Task> page = tasks.createTaskQuery().active().dueBefore(until).orderByDueDate().asc().orderByTaskId().asc()
          .listPage(first, PAGE);
      for (Task task : page) {
        Object title = tasks.getVariable(task.getId(), CaseTitle.VARIABLE);
        Entry entry = new Entry(task.getId(), task.getName(), title == null ? null : title.toString(),
            Notifications.lastDay(task.getDueDate()));
        for (Holders.Person person : holders.of(task)) {
          people.putIfAbsent(person.id(), person);
          byPerson.computeIfAbsent(person.id(), id -> new ArrayList<>()).add(entry);
        }
      }
      if (page.size() < PAGE) {
        break;
      }
    }
    int queued = 0;
    for (Map.Entry<String, List<Entry>> e : byPerson.entrySet()) {
      Holders.Person person = people.get(e.getKey());
      List<Entry> entries = e.getValue().stream().sorted(Comparator.comparing(Entry::lastDay)).toList();
      long overdue = entries.stream().filter(x -> x.lastDay().isBefore(day)).count();
      String subject = "【党建工作流】每日待办 " + day + "：已逾期 " + overdue + " 件，即将到期 " + (entries.size() - overdue)
          + " 件";
      if (outbox.enqueue("digest:" + day, Outbox.Kind.DIGEST, person.id(), subject, body(person, day, entries),
          properties.tasklistLink(), clock.instant())) {
        queued++;
      }
    }
    return queued;
  }

  String body(Holders.Person person, LocalDate day, List<Entry> entries) {
    StringBuilder text = new StringBuilder(person.name()).append("同志：\n\n截至 ").append(day).append("，您经办的待办中：");
    List<Entry> overdue = entries.stream().filter(x -> x.lastDay().isBefore(day)).toList();
    List<Entry> soon = entries.stream().filter(x -> !x.lastDay().isBefore(day)).toList();
    text.append("已逾期 ").append(overdue.size()).append(" 件，").append(properties.dueSoonDays()).append(" 日内到期 ")
        .append(soon.size()).append(" 件。\n");
    section(text, "已逾期", overdue, day);
    section(text, "即将到期", soon, day);
    text.append("\n全部待办：").append(properties.tasklistLink());
    return text.append(Notifications.SIGNATURE).toString();
  }

  private void section(StringBuilder text, String heading, List<Entry> entries, LocalDate day) {
    if (entries.isEmpty()) {
      return;
    }
    text.append('\n').append(heading).append("：\n");
    int n = 1;
    for (Entry e : entries) {
      long days = ChronoUnit.DAYS.between(e.lastDay(), day);
      text.append(n++).append(". ").append(e.step()).append(e.title() == null ? "" : " — " + e.title())
          .append("（应于 ").append(e.lastDay()).append(" 前完成，")
          .append(days > 0 ? "已逾期 " + days + " 天" : days == 0 ? "今日到期" : "还有 " + (-days) + " 天")
          .append("）\n   ").append(properties.taskLink(e.taskId())).append('\n');
    }
  }
}
