package org.dangjian.flow.system;

import java.sql.Timestamp;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The one secret-ballot mechanism (分类定级's 党员群众测评, 述职评议's 测评): a ballot's values go to secret_ballot,
 * keyed by the case it evaluates, and nowhere else; the case sees counts, its committee the comments unsigned.
 * {@link SecretBallotHistory} keeps them out of the engine's history, {@link SupervisorTaskReading} keeps the
 * ballot's task from its supervisors, and the ballot's process carries none of its case's organizations, so
 * nobody but its evaluator is granted it ({@link CaseAccessGranting}).
 */
@Component
public class SecretBallots {

  private final JdbcTemplate jdbc;
  private final ObjectProvider<SecretBallot> kinds;

  SecretBallots(JdbcTemplate jdbc, ObjectProvider<SecretBallot> kinds) {
    this.jdbc = jdbc;
    this.kinds = kinds;
  }

  /** The kind of ballot whose process this is, if it is one. */
  public Optional<SecretBallot> ofProcess(String processKey) {
    return kinds.orderedStream().filter(k -> k.processKey().equals(processKey)).findFirst();
  }

  /**
   * Records the ballot submitted on its task (called from the task's complete listener): only its evaluator casts
   * it, its vote is one of the kind's, and its values are removed from the task in the same transaction, before
   * the engine writes anything. Problems go to {@code in}; nothing is recorded while there is one.
   */
  public void cast(SecretBallot kind, DelegateTask task, StepInput in, String actor) {
    String evaluator = (String) task.getVariable(SecretBallot.EVALUATOR);
    if (!evaluator.equals(actor)) {
      in.problem("此测评票只能由测评人" + evaluator + "本人填写");
    }
    String choice = in.choice(kind.choiceVariable(), kind.choiceLabel(), kind.choices().keySet());
    String comment = kind.commentVariable() == null ? null
        : in.optionalText(kind.commentVariable(), kind.commentLabel(), SecretBallot.MAX_COMMENT_LENGTH);
    if (in.hasProblems()) {
      return;
    }
    jdbc.update("insert into secret_ballot (process_instance_id, evaluator_id, choice, comment_text, cast_at)"
        + " values (?, ?, ?, ?, ?)", caseOf(task), evaluator, choice, comment,
        new Timestamp(ClockUtil.getCurrentTime().getTime()));
    // the values are the ballot table's alone: removed from wherever the submission put them, in the transaction
    // that set them, they are never written to the engine's tables (an entity created or changed and then deleted
    // before the flush is flushed as nothing or as a delete). Not left to the ballot's end: an ended instance of a
    // multi-instance activity keeps its variables until the last one ends
    task.removeVariables(kind.secretVariables());
  }

  /**
   * The case a ballot is for, by the engine's own link (no variable a client could have set); a case started
   * before its ballots became a process of their own holds its ballot tasks itself.
   */
  private static String caseOf(DelegateTask task) {
    DelegateExecution ballot = task.getExecution().getProcessInstance();
    DelegateExecution caller = ballot.getSuperExecution() != null ? ballot.getSuperExecution() : ballot;
    return caller.getProcessInstanceId();
  }

  /** How many ballots of the case chose each of the kind's choices (0 for none), in the kind's order. */
  public Map<String, Integer> count(SecretBallot kind, String caseProcessInstanceId) {
    Map<String, Integer> counts = new LinkedHashMap<>();
    kind.choices().keySet().forEach(c -> counts.put(c, 0));
    jdbc.query("select choice, count(*) from secret_ballot where process_instance_id = ? group by choice",
        rs -> {
          int n = rs.getInt(2);
          counts.computeIfPresent(rs.getString(1), (c, none) -> n);
        }, caseProcessInstanceId);
    return counts;
  }

  /**
   * The comments, without who wrote them and in an order that says nothing of when: the case's history shows when
   * each evaluator's ballot ended, so an order by time would name the writers.
   */
  public List<String> comments(String caseProcessInstanceId) {
    return jdbc.queryForList("select comment_text from secret_ballot where process_instance_id = ?"
        + " and comment_text is not null", String.class, caseProcessInstanceId).stream().sorted().toList();
  }

  /** Whether the task is a ballot's (its process is a ballot's): for the history filter and the supervisors. */
  static boolean isBallotProcess(List<SecretBallot> kinds, String processKey) {
    return kinds.stream().anyMatch(k -> k.processKey().equals(processKey));
  }

  static String processKeyOf(DelegateExecution execution) {
    return ((ExecutionEntity) execution.getProcessInstance()).getProcessDefinition().getKey();
  }
}
