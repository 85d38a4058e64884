package org.dangjian.flow.development;

import java.util.ArrayList;
import java.util.List;

/**
 * The counts of a branch general meeting vote (steps 15 and 23). Built from raw form input, so it accepts
 * inconsistent numbers and reports them through {@link #problems()}.
 *
 * @param entitledVoters  应到会有表决权的正式党员 (probationary members have no vote)
 * @param presentVoters   实到会有表决权的正式党员
 * @param writtenVotesFor 书面表决同意 from entitled members who could not attend
 */
record VoteCount(int entitledVoters, int presentVoters, int votesFor, int votesAgainst, int votesAbstain,
         int writtenVotesFor) {

  List<String> problems() {
    List<String> problems = new ArrayList<>();
    if (entitledVoters < 1) {
      problems.add("应到会有表决权的正式党员人数至少为1人");
    }
    requireNotNegative(problems, presentVoters, "实到会有表决权的正式党员人数");
    requireNotNegative(problems, votesFor, "赞成票数");
    requireNotNegative(problems, votesAgainst, "反对票数");
    requireNotNegative(problems, votesAbstain, "弃权票数");
    requireNotNegative(problems, writtenVotesFor, "书面表决同意票数");
    if (!problems.isEmpty()) {
      // The cross checks below would only repeat the same mistake with odd numbers.
      return problems;
    }
    if (presentVoters > entitledVoters) {
      problems.add("实到会人数（" + presentVoters + "）不能超过应到会有表决权的正式党员人数（"
          + entitledVoters + "）");
    }
    long ballots = (long) votesFor + votesAgainst + votesAbstain;
    if (ballots > presentVoters) {
      problems.add("赞成、反对、弃权票数之和（" + ballots + "）不能超过实到会人数（" + presentVoters + "）");
    }
    int absent = entitledVoters - presentVoters;
    if (absent >= 0 && writtenVotesFor > absent) {
      problems.add("书面表决同意票数（" + writtenVotesFor + "）不能超过未到会的有表决权正式党员人数（"
          + absent + "）");
    }
    return problems;
  }

  /** 细则 Art. 20: more than half of those entitled must be present, or the meeting is void. */
  boolean hasQuorum() {
    return (long) presentVoters * 2 > entitledVoters;
  }

  /**
   * 细则 Art. 21: the votes for, including written votes of absent members, must exceed half of those
   * entitled, not of those present. Says nothing about the quorum; check {@link #hasQuorum()} first.
   */
  boolean passed() {
    return ((long) votesFor + writtenVotesFor) * 2 > entitledVoters;
  }

  private static void requireNotNegative(List<String> problems, int value, String label) {
    if (value < 0) {
      problems.add(label + "不能为负数");
    }
  }
}
