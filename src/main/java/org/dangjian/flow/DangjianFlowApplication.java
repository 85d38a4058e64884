package org.dangjian.flow;

import java.util.TimeZone;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class DangjianFlowApplication {

  public static void main(String[] args) {
    // dates are calendar dates in Asia/Shanghai, whatever the server's zone
    TimeZone.setDefault(TimeZone.getTimeZone("Asia/Shanghai"));
    SpringApplication.run(DangjianFlowApplication.class, args);
  }
}
