package org.dangjian.flow.administration;

import java.util.List;

/** Why an administration request changes nothing; the message is the Chinese text for the user. */
abstract class AdminRefusal extends RuntimeException {

  AdminRefusal(String message) {
    super(message);
  }

  /** 400: a field of the request is missing or wrong; {@code field} is its key in the request. */
  static class InvalidInput extends AdminRefusal {
    final String field;

    InvalidInput(String field, String message) {
      super(message);
      this.field = field;
    }
  }

  /** 404: the organization, user or member addressed does not exist (or not for this user). */
  static class NotFound extends AdminRefusal {
    NotFound(String message) {
      super(message);
    }
  }

  /** 409: the request is well-formed but the current state forbids it (open cases, a duplicate id). */
  static class Conflict extends AdminRefusal {
    final List<String> cases;

    Conflict(String message) {
      this(message, List.of());
    }

    Conflict(String message, List<String> cases) {
      super(message);
      this.cases = cases;
    }
  }
}
