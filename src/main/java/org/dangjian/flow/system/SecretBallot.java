package org.dangjian.flow.system;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * One kind of secret ballot (测评票): a process of its own, called once per evaluator by the case it evaluates,
 * whose only task is the ballot. Each feature declares its kinds as beans; {@link SecretBallots} keeps what they
 * submit out of the engine and out of everybody's reach but the counts.
 *
 * @param processKey the ballot's process, started by its case's call activity with the variable {@code evaluator}
 * @param taskKey the ballot's user task
 * @param choiceVariable the form field of the vote, one of {@code choices} (value to its Chinese label)
 * @param commentVariable the form field of an unsigned comment, or null when the ballot has none
 * @param olderHostKeys processes that held their ballot tasks themselves before the ballot was a process of its
 *     own: there only the ballot's fields are secret
 */
public record SecretBallot(String processKey, String taskKey, String choiceVariable, String choiceLabel,
    Map<String, String> choices, String commentVariable, String commentLabel, Set<String> olderHostKeys) {

  /** The variable the calling case gives each ballot: whose ballot it is. */
  public static final String EVALUATOR = "evaluator";
  /** The longest comment a ballot keeps. */
  public static final int MAX_COMMENT_LENGTH = 500;

  /** What the evaluator submits: never written to the engine. */
  public Set<String> secretVariables() {
    Set<String> secret = new LinkedHashSet<>();
    secret.add(choiceVariable);
    if (commentVariable != null) {
      secret.add(commentVariable);
    }
    return Set.copyOf(secret);
  }
}
