package org.dangjian.flow.organization;

import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** At every start: demo data where enabled, then the engine groups, their standing authorizations and Tasklist filters. */
@Component
class OrganizationStartup implements ApplicationRunner {

  private final DemoData demoData;
  private final EngineIdentity identity;
  private final StandingAuthorizations authorizations;
  private final boolean demoEnabled;

  OrganizationStartup(DemoData demoData, EngineIdentity identity, StandingAuthorizations authorizations,
      @Value("${dangjian.demo.enabled}") boolean demoEnabled) {
    this.demoData = demoData;
    this.identity = identity;
    this.authorizations = authorizations;
    this.demoEnabled = demoEnabled;
  }

  @Override
  @Transactional
  public void run(ApplicationArguments args) {
    if (demoEnabled) {
      demoData.loadOrganizationsAndMembers();
    }
    identity.synchronizeGroups();
    authorizations.ensure();
    for (String filterId : identity.ensureTasklistFilters()) {
      authorizations.grantToEveryone(Resources.FILTER, filterId, Permissions.READ);
    }
    if (demoEnabled) {
      demoData.loadUsers();
    }
  }
}
