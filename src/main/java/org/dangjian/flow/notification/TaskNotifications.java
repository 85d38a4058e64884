package org.dangjian.flow.notification;

import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.dangjian.flow.system.ParseListeners;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** Every user task of every process, when it opens, tells its holders (through the outbox, same transaction). */
@Component
class TaskNotifications extends AbstractProcessEnginePlugin {

  private final ObjectProvider<Notifications> notifications;

  TaskNotifications(ObjectProvider<Notifications> notifications) {
    this.notifications = notifications;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    TaskListener listener = task -> notifications.getObject().taskCreated(task);
    ParseListeners.onEveryUserTaskCreate(configuration, listener);
  }
}
