package org.dangjian.flow.development;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class VoteCountTest {

  private static VoteCount vote(int entitled, int present, int forVotes, int against, int abstain, int written) {
    return new VoteCount(entitled, present, forVotes, against, abstain, written);
  }

  @Test
  void acceptsConsistentCounts() {
    assertThat(vote(10, 8, 6, 1, 1, 2).problems()).isEmpty();
    assertThat(vote(1, 1, 1, 0, 0, 0).problems()).isEmpty();
    assertThat(vote(10, 6, 0, 0, 0, 0).problems()).isEmpty();
  }

  @Test
  void hasQuorumWhenMoreThanHalfAreThere() {
    assertThat(vote(10, 6, 6, 0, 0, 0).hasQuorum()).isTrue();
    assertThat(vote(9, 5, 5, 0, 0, 0).hasQuorum()).isTrue();
    assertThat(vote(1, 1, 1, 0, 0, 0).hasQuorum()).isTrue();
  }

  @Test
  void exactlyHalfPresentIsNoQuorum() {
    assertThat(vote(10, 5, 5, 0, 0, 0).hasQuorum()).isFalse();
    assertThat(vote(9, 4, 4, 0, 0, 0).hasQuorum()).isFalse();
  }

  @Test
  void majorityCountsEntitledVotersNotPresentOnes() {
    // 4 of 6 present say yes: a majority of the room, but not of the 10 entitled.
    VoteCount count = vote(10, 6, 4, 2, 0, 0);
    assertThat(count.hasQuorum()).isTrue();
    assertThat(count.passed()).isFalse();
  }

  @Test
  void votesForExactlyHalfOfEntitledDoNotPass() {
    assertThat(vote(10, 10, 5, 5, 0, 0).passed()).isFalse();
  }

  @Test
  void votesForHalfPlusOneOfEntitledPass() {
    assertThat(vote(10, 10, 6, 4, 0, 0).passed()).isTrue();
    assertThat(vote(9, 9, 5, 4, 0, 0).passed()).isTrue();
    assertThat(vote(9, 9, 4, 5, 0, 0).passed()).isFalse();
  }

  @Test
  void writtenVotesOfAbsentMembersAreCounted() {
    VoteCount withoutWritten = vote(10, 7, 5, 2, 0, 0);
    VoteCount withWritten = vote(10, 7, 5, 2, 0, 1);
    assertThat(withoutWritten.passed()).isFalse();
    assertThat(withWritten.passed()).isTrue();
    assertThat(withWritten.problems()).isEmpty();
  }

  @Test
  void abstentionsDoNotCountAsVotesFor() {
    assertThat(vote(10, 10, 5, 0, 5, 0).passed()).isFalse();
  }

  @Test
  void refusesNoEntitledVoters() {
    assertThat(vote(0, 0, 0, 0, 0, 0).problems()).containsExactly("应到会有表决权的正式党员人数至少为1人");
    assertThat(vote(-3, 0, 0, 0, 0, 0).problems()).containsExactly("应到会有表决权的正式党员人数至少为1人");
  }

  @Test
  void refusesEveryNegativeCount() {
    assertThat(vote(10, -1, -1, -1, -1, -1).problems()).containsExactly(
        "实到会有表决权的正式党员人数不能为负数",
        "赞成票数不能为负数",
        "反对票数不能为负数",
        "弃权票数不能为负数",
        "书面表决同意票数不能为负数");
  }

  @Test
  void refusesMorePresentThanEntitled() {
    assertThat(vote(10, 11, 6, 0, 0, 0).problems())
        .containsExactly("实到会人数（11）不能超过应到会有表决权的正式党员人数（10）");
  }

  @Test
  void refusesMoreBallotsThanPresentVoters() {
    assertThat(vote(10, 8, 6, 2, 0, 0).problems()).isEmpty();
    assertThat(vote(10, 8, 6, 2, 1, 0).problems())
        .containsExactly("赞成、反对、弃权票数之和（9）不能超过实到会人数（8）");
  }

  @Test
  void refusesMoreWrittenVotesThanAbsentVoters() {
    assertThat(vote(10, 8, 6, 0, 0, 2).problems()).isEmpty();
    assertThat(vote(10, 8, 6, 0, 0, 3).problems())
        .containsExactly("书面表决同意票数（3）不能超过未到会的有表决权正式党员人数（2）");
  }

  @Test
  void doesNotOverflowOnHugeCounts() {
    VoteCount count = vote(Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE, 0, 0, 0);
    assertThat(count.hasQuorum()).isTrue();
    assertThat(count.passed()).isTrue();
    assertThat(vote(10, 10, Integer.MAX_VALUE, Integer.MAX_VALUE, 0, 0).problems()).hasSize(1);
  }
}
