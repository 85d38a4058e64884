package org.dangjian.flow.notification;

import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.identity.User;
import org.dangjian.flow.system.ApiError;
import org.dangjian.flow.system.CurrentUser;
import org.dangjian.flow.system.SystemAccess;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** 通知设置: the logged-in user's own choice of messages, nobody else's. */
@RestController
@RequestMapping("/api/me/notifications")
class NotificationController {

  private final NotificationPreferences preferences;
  private final Notifications notifications;
  private final Holders holders;
  private final CurrentUser currentUser;
  private final SystemAccess system;

  NotificationController(NotificationPreferences preferences, Notifications notifications, Holders holders,
      CurrentUser currentUser, SystemAccess system) {
    this.preferences = preferences;
    this.notifications = notifications;
    this.holders = holders;
    this.currentUser = currentUser;
    this.system = system;
  }

  /** The request of a PUT; both choices required. */
  record Settings(Boolean taskMail, Boolean dailyDigest) {
  }

  @GetMapping
  ResponseEntity<Map<String, Object>> get() {
    String userId = currentUser.id();
    if (userId == null) {
      return ApiError.response(HttpStatus.UNAUTHORIZED, "Unauthorized", "请先登录", null);
    }
    return ResponseEntity.ok(view(userId));
  }

  @PutMapping
  ResponseEntity<Map<String, Object>> put(@RequestBody(required = false) Settings settings) {
    String userId = currentUser.id();
    if (userId == null) {
      return ApiError.response(HttpStatus.UNAUTHORIZED, "Unauthorized", "请先登录", null);
    }
    if (settings == null || settings.taskMail() == null || settings.dailyDigest() == null) {
      return ApiError.response(HttpStatus.BAD_REQUEST, "InvalidNotificationSettings",
          "请同时给出 taskMail（新待办、提醒和督办）与 dailyDigest（每日待办）两项，取值 true 或 false",
          "body: {\"taskMail\": true|false, \"dailyDigest\": true|false}");
    }
    preferences.save(userId, new NotificationPreferences.Preference(settings.taskMail(), settings.dailyDigest()));
    return ResponseEntity.ok(view(userId));
  }

  private Map<String, Object> view(String userId) {
    NotificationPreferences.Preference preference = preferences.of(userId);
    // the user's own address, whatever grants they hold on users
    User user = system.call(() -> holders.user(userId));
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("userId", userId);
    view.put("email", user == null ? null : user.getEmail());
    view.put("taskMail", preference.taskMail());
    view.put("dailyDigest", preference.dailyDigest());
    // whether the server sends anything at all (mail configured)
    view.put("delivery", notifications.enabled() ? notifications.channels().stream()
        .map(NotificationChannel::name).toList() : java.util.List.of());
    return view;
  }
}
