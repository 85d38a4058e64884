package org.dangjian.flow;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class DangjianFlowApplication {

  public static void main(String[] args) {
    SpringApplication.run(DangjianFlowApplication.class, args);
  }
}
