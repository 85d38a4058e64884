package org.dangjian.flow.system;

import java.util.Set;

/**
 * Variables the product derives from a case's other values and keeps current itself (a case's record of its
 * step dates, say): the engine's history keeps their latest value, not a detail row for every update, since each
 * update only repeats what the step's own values already hold there (issue 18: each value stored once).
 */
public interface DerivedVariables {

  Set<String> names();
}
