package org.dangjian.flow.development;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CommitteeVotesTest {

  private static CommitteeVotes vote(int entitled, int present, int forVotes, int against, int abstain) {
    return new CommitteeVotes(entitled, present, forVotes, against, abstain);
  }

  @Test
  void acceptsConsistentCounts() {
    assertThat(vote(9, 7, 6, 1, 0).problems()).isEmpty();
    assertThat(vote(1, 1, 1, 0, 0).problems()).isEmpty();
  }

  @Test
  void refusesMorePresentThanEntitledAndMoreBallotsThanPresent() {
    assertThat(vote(7, 8, 5, 0, 0).problems()).singleElement().asString().contains("不能超过应到会委员人数（7）");
    assertThat(vote(9, 6, 5, 1, 1).problems()).singleElement().asString().contains("票数之和（7）不能超过实到会委员人数（6）");
  }

  @Test
  void refusesNegativeCountsAndAnEmptyCommittee() {
    assertThat(vote(0, 0, 0, 0, 0).problems()).singleElement().asString().contains("应到会委员人数应为1至99人");
    assertThat(vote(9, 7, -1, 0, 0).problems()).singleElement().asString().contains("赞成票数不能为负数");
    assertThat(vote(100, 7, 1, 0, 0).problems()).isNotEmpty();
  }

  @Test
  void exactlyHalfOfTheMembersPresentIsNoQuorumAndDecidesNothing() {
    CommitteeVotes half = vote(10, 5, 5, 0, 0);
    assertThat(half.hasQuorum()).isFalse();
    for (String decision : new String[] {"approve", "reject", "sendBack"}) {
      assertThat(half.problemsFor(decision, true)).singleElement().asString().contains("会议不能作出决定");
    }
    assertThat(vote(9, 5, 5, 0, 0).hasQuorum()).isTrue();
  }

  @Test
  void approvalNeedsAMajorityOfTheEntitledMembersNotOfThosePresent() {
    // 4 of 6 present vote for: a majority of the room, not of the 9 entitled
    CommitteeVotes room = vote(9, 6, 4, 2, 0);
    assertThat(room.hasQuorum()).isTrue();
    assertThat(room.carries()).isFalse();
    assertThat(room.problemsFor("approve", true)).singleElement().asString()
        .contains("表决未通过，不能记录为批准", "不批准或退回");
    assertThat(room.problemsFor("approve", false)).singleElement().asString().contains("可退回支部");
    assertThat(room.problemsFor("reject", true)).isEmpty();
    assertThat(room.problemsFor("sendBack", false)).isEmpty();
    CommitteeVotes five = vote(9, 6, 5, 1, 0);
    assertThat(five.carries()).isTrue();
    assertThat(five.problemsFor("approve", true)).isEmpty();
  }

  @Test
  void aVoteThatCarriedCannotBeRecordedAsRejection() {
    assertThat(vote(9, 7, 5, 2, 0).problemsFor("reject", true)).singleElement().asString().contains("不能记录为不批准");
    assertThat(vote(9, 7, 5, 2, 0).problemsFor("sendBack", true)).isEmpty();
  }
}
