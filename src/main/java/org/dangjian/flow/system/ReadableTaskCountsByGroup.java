package org.dangjian.flow.system;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.TaskCountByCandidateGroupResultEntity;
import org.camunda.bpm.engine.task.TaskCountByCandidateGroupResult;

/**
 * Cockpit's 人工任务 → 按组分配情况 for a user who is not an administrator: the open, unclaimed tasks per candidate group,
 * counted over the tasks the user reads only. The engine's own report (TaskCountByCandidateGroupCmd) counts every
 * task of every organization and wants a global report permission, so {@link TrustBoundary} answers with this
 * instead. "Reads" is what the engine's task query checks: a READ grant on the task (the engine's grant to its
 * candidates, ours to the supervisors, {@code SupervisorTaskReading}) or READ_TASK on its process definition, for the
 * user or one of their groups.
 */
final class ReadableTaskCountsByGroup implements Command<List<TaskCountByCandidateGroupResult>> {

  /** Resources.TASK, Resources.PROCESS_DEFINITION; Permissions.READ (bit 2), ProcessDefinitionPermissions.READ_TASK (64). */
  private static final int TASK = 7;
  private static final int PROCESS_DEFINITION = 6;

  private final Authentication user;

  ReadableTaskCountsByGroup(Authentication user) {
    this.user = user;
  }

  @Override
  public List<TaskCountByCandidateGroupResult> execute(CommandContext context) {
    List<String> who = new ArrayList<>(user.getGroupIds() == null ? List.of() : user.getGroupIds());
    String groups = who.isEmpty() ? "null" : String.join(", ", who.stream().map(g -> "?").toList());
    String holder = " and a.TYPE_ = 1 and (a.USER_ID_ in (?, '*') or a.GROUP_ID_ in (" + groups + "))";
    String sql = "select i.GROUP_ID_, count(distinct t.ID_) from ACT_RU_TASK t"
        + " left join ACT_RU_IDENTITYLINK i on i.TASK_ID_ = t.ID_ and i.TYPE_ = 'candidate'"
        + " left join ACT_RE_PROCDEF d on d.ID_ = t.PROC_DEF_ID_"
        + " where t.ASSIGNEE_ is null and (exists (select 1 from ACT_RU_AUTHORIZATION a where a.RESOURCE_TYPE_ = "
        + TASK + " and a.RESOURCE_ID_ in (t.ID_, '*') and mod(a.PERMS_ / 2, 2) = 1" + holder + ")"
        + " or exists (select 1 from ACT_RU_AUTHORIZATION a where a.RESOURCE_TYPE_ = " + PROCESS_DEFINITION
        + " and a.RESOURCE_ID_ in (d.KEY_, '*') and mod(a.PERMS_ / 64, 2) = 1" + holder + "))"
        + " group by i.GROUP_ID_ order by i.GROUP_ID_";
    Connection connection = context.getDbSqlSession().getSqlSession().getConnection();
    List<TaskCountByCandidateGroupResult> counts = new ArrayList<>();
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      int p = 1;
      for (int twice = 0; twice < 2; twice++) {
        statement.setString(p++, user.getUserId());
        for (String group : who) {
          statement.setString(p++, group);
        }
      }
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          TaskCountByCandidateGroupResultEntity count = new TaskCountByCandidateGroupResultEntity();
          count.setGroupName(rows.getString(1));
          count.setTaskCount(rows.getInt(2));
          counts.add(count);
        }
      }
    } catch (SQLException e) {
      throw new ProcessEngineException("按组分配情况查询失败", e);
    }
    return counts;
  }
}
