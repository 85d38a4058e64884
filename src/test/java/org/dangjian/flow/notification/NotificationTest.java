package org.dangjian.flow.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dangjian.flow.development.MemberDevelopment.Events.TALK_OVERDUE;
import static org.dangjian.flow.development.MemberDevelopment.Tasks.APPLICANT_TALK;
import static org.dangjian.flow.development.MemberDevelopment.Tasks.TALK_OVERDUE_SUPERVISION;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Address;
import jakarta.mail.internet.MimeMessage;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.dangjian.flow.development.DevelopmentTestSupport;
import org.dangjian.flow.villagehelp.VillageHelp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * E-mails of new tasks, reminders, escalations and the daily digest, through the outbox, to an SMTP server this test
 * starts (GreenMail) — on the shared test context: the test points the e-mail channel at its server.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class NotificationTest extends DevelopmentTestSupport {

  static final String CLERK_2 = "guitu.clerk2";
  static final String WORKING_COMMITTEE_CLERK = "gxq.clerk";
  static final String UNIT_HEAD = "guitu.head";
  static final List<String> PEOPLE = List.of(BRANCH_CLERK, CLERK_2, COMMITTEE_CLERK, WORKING_COMMITTEE_CLERK,
      UNIT_HEAD);

  @Autowired Notifications notifications;
  @Autowired Outbox outbox;
  @Autowired NotificationPreferences preferences;
  @Autowired Holders holders;
  @Autowired NotificationProperties properties;
  @Autowired DailyDigest digest;
  @Autowired OutboxSender sender;
  @Autowired JdbcTemplate jdbc;
  @Autowired TestRestTemplate rest;

  GreenMail smtp;
  JavaMailSenderImpl mailSender;
  List<NotificationChannel> channelsBefore;
  final Map<String, String> emailsBefore = new HashMap<>();

  @BeforeEach
  void mailOnToThisTestsServer() {
    smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    smtp.start();
    mailSender = new JavaMailSenderImpl();
    mailSender.setHost("127.0.0.1");
    mailSender.setPort(smtp.getSmtp().getPort());
    channelsBefore = notifications.useChannels(List.of(new EmailChannel(mailSender, properties)));
    for (String userId : PEOPLE) {
      User user = identityService.createUserQuery().userId(userId).singleResult();
      emailsBefore.put(userId, user.getEmail());
      user.setEmail(address(userId));
      identityService.saveUser(user);
    }
    jdbc.update("delete from notification_preference where user_id in (?, ?, ?, ?, ?)", PEOPLE.toArray());
  }

  @AfterEach
  void mailOffAgain() {
    notifications.useChannels(channelsBefore);
    smtp.stop();
    for (String userId : PEOPLE) {
      User user = identityService.createUserQuery().userId(userId).singleResult();
      user.setEmail(emailsBefore.get(userId));
      identityService.saveUser(user);
    }
    jdbc.update("delete from notification_preference where user_id in (?, ?, ?, ?, ?)", PEOPLE.toArray());
  }

  static String address(String userId) {
    return userId + "@notify.test";
  }

  /** The messages the server received for that person. */
  List<MimeMessage> received(String userId) throws Exception {
    List<MimeMessage> mine = new ArrayList<>();
    for (MimeMessage message : smtp.getReceivedMessages()) {
      for (Address to : message.getAllRecipients()) {
        if (to.toString().equals(address(userId))) {
          mine.add(message);
        }
      }
    }
    return mine;
  }

  List<String> subjects(String userId) throws Exception {
    List<String> subjects = new ArrayList<>();
    for (MimeMessage message : received(userId)) {
      subjects.add(message.getSubject());
    }
    return subjects;
  }

  static String text(MimeMessage message) {
    try {
      return message.getContent().toString();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** Another node, or this one after a restart: a new sender over the same outbox, its clock this far ahead. */
  OutboxSender anotherNode(String name, Duration ahead) {
    return new OutboxSender(outbox, notifications, preferences, holders, properties,
        Clock.offset(Clock.systemUTC(), ahead), name);
  }

  @Test
  void newTaskReminderAndEscalationReachTheirHoldersOnceEachThroughARestart() throws Exception {
    ProcessInstance pi = newCase();
    Task talk = task(pi, APPLICANT_TALK);
    assertThat(outbox.forEvent("task:" + talk.getId())).extracting(Outbox.Row::recipient)
        .contains(BRANCH_CLERK, CLERK_2).doesNotContain(COMMITTEE_CLERK);

    assertThat(sender.sendDue()).isGreaterThanOrEqualTo(2);
    assertThat(subjects(BRANCH_CLERK)).singleElement().asString().contains("新待办：2 党组织派人谈话")
        .contains(pi.getBusinessKey());
    assertThat(subjects(CLERK_2)).hasSize(1);
    assertThat(subjects(COMMITTEE_CLERK)).isEmpty();
    MimeMessage newTask = received(BRANCH_CLERK).get(0);
    assertThat(text(newTask)).contains("同志：\n\n您有一项新的待办事项。").contains("步骤：2 党组织派人谈话").contains("到期：2025-02-10")
        .contains(properties.taskLink(talk.getId()));

    // a month without the talk: the branch reminded, the committee told and given task 2a
    fireTimer(pi, TALK_OVERDUE);
    Task supervision = task(pi, TALK_OVERDUE_SUPERVISION);
    sender.sendDue();
    assertThat(subjects(BRANCH_CLERK)).hasSize(2).last().asString().startsWith("【党建工作流】提醒：谈话已逾期");
    assertThat(text(received(BRANCH_CLERK).get(1))).contains(properties.taskLink(talk.getId()))
        .contains("应完成日期：2025-02-10");
    assertThat(subjects(CLERK_2)).hasSize(2);
    assertThat(subjects(COMMITTEE_CLERK)).hasSize(2)
        .anySatisfy(s -> assertThat(s).startsWith("【党建工作流】督办：已报告"))
        .anySatisfy(s -> assertThat(s).contains("新待办：2a 督促逾期谈话"));
    assertThat(received(COMMITTEE_CLERK)).anySatisfy(m -> assertThat(text(m))
        .contains(properties.taskLink(supervision.getId())));

    // restarted, and a second node: every message of these events is sent, none again
    int before = smtp.getReceivedMessages().length;
    assertThat(sender.sendDue()).isZero();
    assertThat(anotherNode("node-2", Duration.ofDays(1)).sendDue()).isZero();
    assertThat(smtp.getReceivedMessages()).hasSize(before);
    assertThat(outbox.forEvent("task:" + talk.getId())).filteredOn(r -> PEOPLE.contains(r.recipient()))
        .extracting(Outbox.Row::state).containsOnly(Outbox.State.SENT);
  }

  @Test
  void aVillageHelpVisitPastItsDeadlineIsReportedToTheWorkingCommitteeWithItsLink() throws Exception {
    today("2025-01-05");
    Map<String, Object> assignment = new HashMap<>();
    assignment.put("villageName", "通知村" + java.util.UUID.randomUUID().toString().substring(0, 8));
    assignment.put("townshipName", "东湖镇");
    assignment.put("villageId", "donghu");
    assignment.put("helpUnitId", "unit-guitu");
    assignment.put("firstSecretaryUserId", "donghu.firstsec");
    assignment.put("unitHeadUserId", UNIT_HEAD);
    assignment.put("termStart", "2025-01-01");
    assignment.put("termEnd", "2025-12-31");
    assignment.put("visitDeadline", "2025-03-31");
    login(WORKING_COMMITTEE_CLERK);
    ProcessInstance pi;
    try {
      pi = runtimeService.startProcessInstanceByKey(VillageHelp.PROCESS_KEY, assignment);
    } finally {
      identityService.clearAuthentication();
    }
    Task visit = task(pi, VillageHelp.Tasks.UNIT_HEAD_VISIT);
    sender.sendDue();
    assertThat(subjects(UNIT_HEAD)).singleElement().asString().contains("新待办：2 单位一把手走访");
    assertThat(subjects(WORKING_COMMITTEE_CLERK)).isEmpty();

    fireTimer(pi, VillageHelp.Events.VISIT_OVERDUE);
    Task chase = task(pi, VillageHelp.Tasks.CHASE_OVERDUE_VISIT);
    sender.sendDue();
    assertThat(subjects(UNIT_HEAD)).as("the violation is recorded, not mailed").hasSize(1);
    assertThat(received(WORKING_COMMITTEE_CLERK)).hasSize(2)
        .anySatisfy(m -> {
          assertThat(m.getSubject()).startsWith("【党建工作流】督办：已报告");
          assertThat(text(m)).contains(properties.taskLink(visit.getId())).contains("应完成日期：2025-03-31");
        })
        .anySatisfy(m -> assertThat(text(m)).contains("步骤：2a 督促逾期走访")
            .contains(properties.taskLink(chase.getId())));
  }

  @Test
  void twoNodesSendingTheSameOutboxAtOnceSendEachMessageOnce() throws Exception {
    for (int i = 0; i < 4; i++) {
      newCase();
    }
    CyclicBarrier together = new CyclicBarrier(2);
    ExecutorService nodes = Executors.newFixedThreadPool(2);
    try {
      List<Future<Integer>> runs = new ArrayList<>();
      for (String node : List.of("node-a", "node-b")) {
        OutboxSender s = anotherNode(node, Duration.ZERO);
        runs.add(nodes.submit((Callable<Integer>) () -> {
          together.await();
          return s.sendDue();
        }));
      }
      int sent = runs.get(0).get() + runs.get(1).get();
      assertThat(sent).isEqualTo(smtp.getReceivedMessages().length);
    } finally {
      nodes.shutdownNow();
    }
    assertThat(subjects(BRANCH_CLERK)).hasSize(4).doesNotHaveDuplicates();
    assertThat(subjects(CLERK_2)).hasSize(4).doesNotHaveDuplicates();
  }

  @Test
  void anOptedOutUserGetsNothingAndOnlyTheirOwnChoiceChanges() throws Exception {
    ResponseEntity<Map> put = rest.withBasicAuth(CLERK_2, "demo").exchange("/api/me/notifications", HttpMethod.PUT,
        new HttpEntity<>(Map.of("taskMail", false, "dailyDigest", true)), Map.class);
    assertThat(put.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(put.getBody()).containsEntry("userId", CLERK_2).containsEntry("taskMail", false)
        .containsEntry("dailyDigest", true).containsEntry("email", address(CLERK_2));
    ResponseEntity<Map> mine = rest.withBasicAuth(BRANCH_CLERK, "demo").getForEntity("/api/me/notifications", Map.class);
    assertThat(mine.getBody()).containsEntry("userId", BRANCH_CLERK).containsEntry("taskMail", true);

    ResponseEntity<Map> incomplete = rest.withBasicAuth(CLERK_2, "demo").exchange("/api/me/notifications",
        HttpMethod.PUT, new HttpEntity<>(Map.of("taskMail", true)), Map.class);
    assertThat(incomplete.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(incomplete.getBody().get("message").toString()).contains("dailyDigest");
    assertThat(preferences.of(CLERK_2).taskMail()).isFalse();
    assertThat(rest.getForEntity("/api/me/notifications", String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);

    ProcessInstance pi = newCase();
    sender.sendDue();
    assertThat(subjects(BRANCH_CLERK)).hasSize(1);
    assertThat(subjects(CLERK_2)).isEmpty();
    assertThat(outbox.forEvent("task:" + task(pi, APPLICANT_TALK).getId()))
        .filteredOn(r -> r.recipient().equals(CLERK_2)).extracting(Outbox.Row::state)
        .containsExactly(Outbox.State.SKIPPED);
  }

  @Test
  void aFailedSendIsRetriedLaterWithBackoffAndNotLost() throws Exception {
    int smtpPort = mailSender.getPort();
    try (ServerSocket free = new ServerSocket(0)) {
      mailSender.setPort(free.getLocalPort()); // closed once the block ends: nobody listens there
    }
    ProcessInstance pi = newCase();
    String key = "task:" + task(pi, APPLICANT_TALK).getId();
    assertThat(sender.sendDue()).isZero();
    Outbox.Row failed = outbox.forEvent(key).stream().filter(r -> r.recipient().equals(BRANCH_CLERK)).findFirst()
        .orElseThrow();
    assertThat(failed.state()).isEqualTo(Outbox.State.NEW);
    assertThat(failed.attempts()).isEqualTo(1);
    assertThat(failed.lastError()).isNotBlank();

    mailSender.setPort(smtpPort);
    assertThat(sender.sendDue()).as("not before its next attempt").isZero();
    assertThat(anotherNode("node-later", properties.backoff(1).plusSeconds(5)).sendDue()).isGreaterThanOrEqualTo(2);
    assertThat(subjects(BRANCH_CLERK)).hasSize(1);
    assertThat(outbox.row(failed.id()).orElseThrow().state()).isEqualTo(Outbox.State.SENT);
  }

  @Test
  void theDailyDigestListsEachHoldersOverdueAndDueTasksWithTheirLinksOnce() throws Exception {
    LocalDate day = LocalDate.parse("2025-02-12");
    jdbc.update("delete from notification_outbox where event_key = ?", "digest:" + day);
    ProcessInstance late = newCase(); // talk due 2025-02-10
    today("2025-02-10");
    ProcessInstance soon = start(application("2025-02-10", "1995-05-05")); // talk due 2025-03-10: not in the digest
    Task lateTalk = task(late, APPLICANT_TALK);
    jdbc.update("update notification_outbox set state = 'skipped' where state = 'new'"); // only the digest here
    preferences.save(CLERK_2, new NotificationPreferences.Preference(true, false));

    today("2025-02-12");
    assertThat(digest.queue(day)).isPositive();
    assertThat(digest.queue(day)).as("the same day again, or on another node").isZero();
    sender.sendDue();
    anotherNode("node-2", Duration.ofMinutes(1)).sendDue();

    assertThat(received(BRANCH_CLERK)).singleElement().satisfies(m -> {
      assertThat(m.getSubject()).startsWith("【党建工作流】每日待办 2025-02-12：已逾期 ");
      assertThat(text(m)).contains("已逾期：").contains("2 党组织派人谈话 — ")
          .contains("（应于 2025-02-10 前完成，已逾期 2 天）").contains(properties.taskLink(lateTalk.getId()))
          .doesNotContain(task(soon, APPLICANT_TALK).getId());
    });
    assertThat(received(CLERK_2)).as("opted out of the digest").isEmpty();
    assertThat(received(COMMITTEE_CLERK)).allSatisfy(m -> assertThat(text(m))
        .doesNotContain(lateTalk.getId()));
  }
}
