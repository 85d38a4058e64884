package org.dangjian.flow.organization;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** At every start: demo data where enabled, then the engine groups and Tasklist filters. */
@Component
class OrganizationStartup implements ApplicationRunner {

  private final DemoData demoData;
  private final EngineIdentity identity;
  private final boolean demoEnabled;

  OrganizationStartup(DemoData demoData, EngineIdentity identity,
      @Value("${dangjian.demo.enabled}") boolean demoEnabled) {
    this.demoData = demoData;
    this.identity = identity;
    this.demoEnabled = demoEnabled;
  }

  @Override
  @Transactional
  public void run(ApplicationArguments args) {
    if (demoEnabled) {
      demoData.loadOrganizationsAndMembers();
    }
    identity.synchronizeGroups();
    identity.ensureTasklistFilters();
    if (demoEnabled) {
      demoData.loadUsers();
    }
  }
}
