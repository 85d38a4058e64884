package org.dangjian.flow.notification;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * Who holds a task: its assignee, or while nobody has claimed it its candidate users and the members of its
 * candidate groups (users and memberships as the engine's identity, or the directory, has them now).
 */
@Component
class Holders {

  /** More members than this in one group are not all told (a group of a branch's clerks has a handful). */
  private static final int MAX_MEMBERS = 500;

  private final IdentityService identity;
  private final TaskService tasks;

  Holders(IdentityService identity, TaskService tasks) {
    this.identity = identity;
    this.tasks = tasks;
  }

  record Person(String id, String name) {
  }

  List<Person> of(String assignee, Collection<String> candidateUsers, Collection<String> candidateGroups) {
    Map<String, Person> people = new LinkedHashMap<>();
    if (assignee != null) {
      add(people, user(assignee), assignee);
      return List.copyOf(people.values());
    }
    for (String userId : candidateUsers) {
      add(people, user(userId), userId);
    }
    for (String group : candidateGroups) {
      for (User member : identity.createUserQuery().memberOfGroup(group).listPage(0, MAX_MEMBERS)) {
        add(people, member, member.getId());
      }
    }
    return List.copyOf(people.values());
  }

  List<Person> of(Task task) {
    List<String> users = new ArrayList<>();
    List<String> groups = new ArrayList<>();
    if (task.getAssignee() == null) {
      for (IdentityLink link : tasks.getIdentityLinksForTask(task.getId())) {
        if (IdentityLinkType.CANDIDATE.equals(link.getType())) {
          if (link.getGroupId() != null) {
            groups.add(link.getGroupId());
          } else if (link.getUserId() != null) {
            users.add(link.getUserId());
          }
        }
      }
    }
    return of(task.getAssignee(), users, groups);
  }

  Person person(String userId) {
    User user = user(userId);
    return user == null ? null : new Person(userId, name(user));
  }

  User user(String userId) {
    return identity.createUserQuery().userId(userId).singleResult();
  }

  /** Camunda shows "firstName lastName": the family name first, as Chinese names are written. */
  static String name(User user) {
    String name = ((user.getFirstName() == null ? "" : user.getFirstName())
        + (user.getLastName() == null ? "" : user.getLastName())).trim();
    return name.isEmpty() ? user.getId() : name;
  }

  private static void add(Map<String, Person> people, User user, String userId) {
    if (user != null) {
      people.putIfAbsent(userId, new Person(userId, name(user)));
    }
  }
}
