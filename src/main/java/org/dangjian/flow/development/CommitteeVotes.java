package org.dangjian.flow.development;

import java.util.ArrayList;
import java.util.List;

/**
 * The higher committee's collective vote at steps 17 and 24 (党委会集体讨论、逐个表决, 细则 Art. 24): the members
 * of the committee entitled to attend, those present and the ballots. Built from raw form input, so it accepts
 * inconsistent numbers and reports them through {@link #problems()}. Quorum and majority are those of a branch
 * meeting ({@link VoteCount}), without written votes: a committee member who is absent does not vote.
 */
record CommitteeVotes(int membersEntitled, int membersPresent, int votesFor, int votesAgainst, int votesAbstain) {

  static final int MAX_MEMBERS = 99;

  List<String> problems() {
    List<String> problems = new ArrayList<>();
    if (membersEntitled < 1 || membersEntitled > MAX_MEMBERS) {
      problems.add("应到会委员人数应为1至" + MAX_MEMBERS + "人");
    }
    for (int[] value : new int[][] {{membersPresent, 0}, {votesFor, 1}, {votesAgainst, 2}, {votesAbstain, 3}}) {
      if (value[0] < 0) {
        problems.add(new String[] {"实到会委员人数", "赞成票数", "反对票数", "弃权票数"}[value[1]] + "不能为负数");
      }
    }
    if (!problems.isEmpty()) {
      return problems;
    }
    if (membersPresent > membersEntitled) {
      problems.add("实到会委员人数（" + membersPresent + "）不能超过应到会委员人数（" + membersEntitled + "）");
    }
    long ballots = (long) votesFor + votesAgainst + votesAbstain;
    if (ballots > membersPresent) {
      problems.add("党委会赞成、反对、弃权票数之和（" + ballots + "）不能超过实到会委员人数（" + membersPresent + "）");
    }
    return problems;
  }

  private VoteCount asMeeting() {
    return new VoteCount(membersEntitled, membersPresent, votesFor, votesAgainst, votesAbstain, 0);
  }

  /** More than half of the committee's members present, or the meeting decides nothing. */
  boolean hasQuorum() {
    return asMeeting().hasQuorum();
  }

  /** 细则 Art. 24: the votes for exceed half of the members entitled to attend (not of those present). */
  boolean carries() {
    return asMeeting().passed();
  }

  /**
   * What the vote allows the committee to record: no decision without a quorum; {@code approve} only when the vote
   * carries; {@code reject} only when it does not ({@code sendBack} either way: the committee returns the file).
   */
  List<String> problemsFor(String decision, boolean rejectOffered) {
    List<String> problems = new ArrayList<>();
    if (!hasQuorum()) {
      problems.add("党委会实到会委员" + membersPresent + "人，未超过应到会委员" + membersEntitled
          + "人的半数，会议不能作出决定；请在到会委员过半数的党委会上集体讨论、表决后再办理");
    } else if ("approve".equals(decision) && !carries()) {
      problems.add("党委会表决赞成" + votesFor + "票，未超过应到会委员" + membersEntitled
          + "人的半数，表决未通过，不能记录为批准" + (rejectOffered ? "（可记录为不批准或退回）" : "（可退回支部）"));
    } else if ("reject".equals(decision) && carries()) {
      problems.add("党委会表决赞成" + votesFor + "票，已超过应到会委员" + membersEntitled + "人的半数，表决已通过，不能记录为不批准");
    }
    return problems;
  }

  String summary() {
    return "党委会应到委员" + membersEntitled + "人，实到" + membersPresent + "人，赞成" + votesFor + "票，反对" + votesAgainst
        + "票，弃权" + votesAbstain + "票";
  }
}
