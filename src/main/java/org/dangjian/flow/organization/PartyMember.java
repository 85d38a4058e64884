package org.dangjian.flow.organization;

import java.time.LocalDate;

public record PartyMember(long id, String name, String idNumber, String branchId, MemberStatus status,
    String caseNumber, LocalDate activistDate, LocalDate probationStartDate, LocalDate probationEndDate,
    LocalDate fullMembershipDate) {
}
