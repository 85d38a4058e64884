package org.dangjian.flow.development;

import java.util.Collection;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.dangjian.flow.organization.MemberStatus;

/**
 * "Across the process", People named: the contacts (培养联系人, step 5) and introducers (入党介绍人, step 9) are full
 * members whose 党纪处分 leaves them their rights, of the case's branch unless a reason is recorded; an introducer
 * who was not a contact needs {@code introducerReason}.
 */
final class PeopleNamed {

  /** The reason for naming a contact of another branch (the spec names only introducerReason; this is its pair). */
  static final String CONTACT_REASON = "contactReason";
  static final String INTRODUCER_REASON = "introducerReason";

  /** disciplineStatus (administration.md) → 党纪处分 as the pickers show it. */
  static final Map<String, String> DISCIPLINE_TITLES = Map.of("none", "无", "warning", "警告",
      "seriousWarning", "严重警告", "probationWithinParty", "留党察看");
  /** The statuses that keep a member's rights: 警告 and 严重警告 do, 留党察看 does not. */
  static final Set<String> MAY_BE_NAMED = Set.of("none", "warning", "seriousWarning");

  private PeopleNamed() {
  }

  /** 细则 Art. 9 (contacts) and Art. 14 (introducers): 正式党员 — not a probationary member, nor the candidate. */
  static boolean isFullMember(MemberStatus status) {
    return status == MemberStatus.FULL;
  }

  /**
   * 《中国共产党纪律处分条例》 Art. 11 (第十一条, 2018 numbering): 党员受留党察看处分期间，没有表决权、选举权和被选举权 —
   * such a member can vouch for nobody. 警告 and 严重警告 take no rights away.
   */
  static boolean disciplineAllows(String disciplineStatus) {
    return MAY_BE_NAMED.contains(disciplineStatus == null ? "none" : disciplineStatus);
  }

  static String disciplineTitle(String disciplineStatus) {
    return DISCIPLINE_TITLES.getOrDefault(disciplineStatus == null ? "none" : disciplineStatus, "无");
  }

  /** Of the case's branch unless a reason is recorded (member-development.md, People named). */
  static boolean needsReasonForBranch(String memberBranchId, String caseBranchId) {
    return !Objects.equals(memberBranchId, caseBranchId);
  }

  /**
   * An introducer who was not one of the case's contacts needs introducerReason: 细则 Art. 14 leaves the choice of
   * introducers open, and practice takes them from the contacts (培养联系人) who know the candidate.
   */
  static boolean introducerWasNotAContact(String introducerId, Collection<String> contactIds) {
    return introducerId != null && !contactIds.contains(introducerId);
  }
}
