package org.dangjian.flow.audit;

import java.time.LocalDate;
import java.time.LocalDateTime;

public record CaseEvent(long id, String processInstanceId, String caseNumber, CaseEventType type, String ruleCode,
    String activityId, String description, LocalDate dueDate, LocalDate actualDate, String userId,
    LocalDateTime occurredAt) {
}
