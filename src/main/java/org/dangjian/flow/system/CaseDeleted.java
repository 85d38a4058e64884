package org.dangjian.flow.system;

/** What a process does when one of its cases ends without reaching an end event ({@link CaseDeletion}). */
public interface CaseDeleted {

  void deleted(String processDefinitionKey, String processInstanceId, String businessKey, String reason);
}
