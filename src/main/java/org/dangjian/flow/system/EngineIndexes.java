package org.dangjian.flow.system;

import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.flywaydb.core.Flyway;
import org.springframework.stereotype.Component;

/**
 * Our indexes on the engine's tables ({@code db/engine}), migrated once the engine has created its tables; a
 * Flyway history of their own, apart from our tables' ({@code db/migration}, migrated before the engine).
 */
@Component
class EngineIndexes {

  static final String LOCATION = "classpath:db/engine";
  static final String HISTORY_TABLE = "flyway_engine_index_history";

  EngineIndexes(ProcessEngine engine, DataSource dataSource) {
    Flyway.configure().dataSource(dataSource).locations(LOCATION).table(HISTORY_TABLE)
        .baselineOnMigrate(true).baselineVersion("0").load().migrate();
  }
}
