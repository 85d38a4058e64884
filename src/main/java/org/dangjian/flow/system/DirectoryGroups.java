package org.dangjian.flow.system;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.authorization.Groups;
import org.dangjian.flow.organization.Role;

/**
 * Which of a directory's groups the engine sees, and under which of our group ids. Candidate groups, grants and
 * Tasklist filters name our ids ({@code guitu-clerk}, {@code camunda-admin}); a directory names its groups its own
 * way. So the engine sees a directory group
 * <ul>
 * <li>under the id the mapping gives it ({@code dangjian.ldap.group-mapping}: 规土局党支部党务工作者 → guitu-clerk), or
 * <li>under its own id, when that id already is one of ours ({@code <org>-<role>} or {@code camunda-admin}) and
 * the mapping neither renames it nor gives its id to another directory group;
 * </ul>
 * and not at all otherwise: the rest of a large directory (canteen, car pool) never reaches Admin or a grant. The
 * mapping is one to one, so that every group id of ours names at most one directory group and both directions
 * are plain look-ups (a membership query asks for exactly one directory group).
 */
final class DirectoryGroups {

  /** Our group ids: an organization id (2–40 of {@code [a-z0-9-]}) and a role, or the administrators' group. */
  static final Pattern OURS = Pattern.compile("[a-z0-9-]{2,40}-(" + Arrays.stream(Role.values()).map(Role::key)
      .collect(Collectors.joining("|")) + ")|" + Pattern.quote(Groups.CAMUNDA_ADMIN));

  private final Map<String, String> toOurs = new HashMap<>();
  private final Map<String, String> toDirectory = new HashMap<>();

  DirectoryGroups(List<DirectoryProperties.GroupMapping> mapping) {
    for (int i = 0; i < mapping.size(); i++) {
      DirectoryProperties.GroupMapping entry = mapping.get(i);
      String key = "dangjian.ldap.group-mapping[" + i + "]";
      String directory = entry.directory() == null ? "" : entry.directory().trim();
      String group = entry.group() == null ? "" : entry.group().trim();
      if (directory.isEmpty()) {
        throw new IllegalStateException(key + ".directory 为空：应为目录中组的标识（group-id-attribute 的值）");
      }
      if (!OURS.matcher(group).matches()) {
        throw new IllegalStateException(key + ".group “" + group + "”不是本系统的组：应为“组织代码-岗位”（如 guitu-clerk，"
            + "岗位为 " + Arrays.stream(Role.values()).map(Role::key).collect(Collectors.joining("、")) + "）或 "
            + Groups.CAMUNDA_ADMIN);
      }
      if (toOurs.containsKey(directory)) {
        throw new IllegalStateException(key + ": 目录组“" + directory + "”映射了两次（" + toOurs.get(directory) + "、"
            + group + "）；每个目录组只能对应本系统的一个组");
      }
      if (toDirectory.containsKey(group)) {
        throw new IllegalStateException(key + ": 本系统的组“" + group + "”由两个目录组映射（" + toDirectory.get(group)
            + "、" + directory + "）；每个组只能来自一个目录组");
      }
      toOurs.put(directory, group);
      toDirectory.put(group, directory);
    }
  }

  /** Our id of a directory group; empty when the engine does not see that group. */
  Optional<String> ours(String directoryId) {
    if (directoryId == null) {
      return Optional.empty();
    }
    String mapped = toOurs.get(directoryId);
    if (mapped != null) {
      return Optional.of(mapped);
    }
    return OURS.matcher(directoryId).matches() && !toDirectory.containsKey(directoryId) ? Optional.of(directoryId)
        : Optional.empty();
  }

  /** The directory group behind one of our ids; empty when no directory group is seen under it. */
  Optional<String> directory(String ourId) {
    if (ourId == null) {
      return Optional.empty();
    }
    String mapped = toDirectory.get(ourId);
    if (mapped != null) {
      return Optional.of(mapped);
    }
    return OURS.matcher(ourId).matches() && !toOurs.containsKey(ourId) ? Optional.of(ourId) : Optional.empty();
  }
}
