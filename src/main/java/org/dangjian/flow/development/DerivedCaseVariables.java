package org.dangjian.flow.development;

import java.util.Set;
import org.dangjian.flow.system.DerivedVariables;
import org.springframework.stereotype.Component;

/**
 * The case's record of its step dates ({@link Chronology#RECORDED}) is rewritten at every dated step from the
 * step's own dates, which history holds already: its latest value is enough there.
 */
@Component
class DerivedCaseVariables implements DerivedVariables {

  @Override
  public Set<String> names() {
    return Set.of(Chronology.RECORDED);
  }
}
